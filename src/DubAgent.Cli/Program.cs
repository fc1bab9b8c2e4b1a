using DubAgent.Cli;

return await CliApp.RunAsync(args);
