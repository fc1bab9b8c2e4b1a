namespace BrokenDependencyLib;

public sealed class Greeting
{
    public string Text => "hello";
}
