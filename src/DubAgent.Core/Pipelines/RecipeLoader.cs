using System.Text.RegularExpressions;
using DubAgent.Core.Expressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DubAgent.Core.Pipelines;

/// <summary>
/// Reads a recipe from YAML (YamlDotNet's representation model, which keeps every node's line and column) into a
/// <see cref="Recipe"/>, collecting every structural problem rather than stopping at the first.
/// </summary>
public static partial class RecipeLoader
{
    public static readonly IReadOnlyList<string> InputTypes = ["file", "string", "number", "integer", "boolean"];

    /// <summary>The keys the format knows (pipelines/schema/recipe.schema.json lists the same).</summary>
    public static readonly string[] TopKeys = ["name", "description", "inputs", "steps", "outputs"];
    public static readonly string[] StepKeys = ["id", "name", "tool", "with", "when", "engine"];
    public static readonly string[] InputKeys = ["type", "required", "default", "enum", "description"];
    public static readonly string[] EngineKeys = ["route", "use", "fallback"];

    [GeneratedRegex("^[a-z][a-z0-9_-]*$")]
    private static partial Regex IdPattern();

    public static (Recipe? Recipe, IReadOnlyList<RecipeProblem> Problems) LoadFile(string path)
    {
        var display = Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.GetFullPath(path));
        if (display.StartsWith("..", StringComparison.Ordinal)) display = Path.GetFullPath(path);
        return Parse(File.ReadAllText(path), display);
    }

    public static (Recipe? Recipe, IReadOnlyList<RecipeProblem> Problems) Parse(string yaml, string file)
    {
        var reader = new Reader(file, ExpressionMask.Apply(yaml, file));
        var recipe = reader.Read();
        return (recipe, reader.Problems);
    }

    private sealed class Reader(string file, ExpressionMask mask)
    {
        public List<RecipeProblem> Problems { get; } = [.. mask.Problems];

        public Recipe? Read()
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(mask.Masked));
            }
            catch (YamlException e)
            {
                var message = e.InnerException is { } inner && e.Message.Contains("see inner", StringComparison.OrdinalIgnoreCase) ? inner.Message : e.Message;
                Problems.Add(new RecipeProblem(file, (int)e.Start.Line, (int)e.Start.Column, $"YAML syntax: {Clean(message)}",
                    "Check the indentation and quoting around this place."));
                return null;
            }
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                var at = stream.Documents.Count == 0 ? new SourcePosition(1, 1) : Pos(stream.Documents[0].RootNode);
                Problem(at, "A recipe is a YAML mapping with name, inputs, steps and outputs.");
                return null;
            }

            CheckKeys(root, TopKeys, "recipe");
            var name = ScalarText(root, "name") ?? Path.GetFileNameWithoutExtension(file);
            var description = ScalarText(root, "description");
            var inputs = ReadInputs(Child(root, "inputs"));
            var steps = ReadSteps(Child(root, "steps"), Pos(root));
            var outputs = ReadOutputs(Child(root, "outputs"));
            return new Recipe(file, name, description, inputs, steps, outputs);
        }

        private List<RecipeInput> ReadInputs(YamlNode? node)
        {
            var inputs = new List<RecipeInput>();
            if (node is null) return inputs;
            if (node is not YamlMappingNode map)
            {
                Problem(Pos(node), "'inputs' must be a mapping of input names to { type, required, default, enum }.");
                return inputs;
            }
            foreach (var (keyNode, valueNode) in map.Children)
            {
                var inputName = ((YamlScalarNode)keyNode).Value ?? "";
                if (!IdPattern().IsMatch(inputName))
                    Problem(Pos(keyNode), $"Input name '{inputName}' must be lower case letters, digits, '_' or '-', starting with a letter.");
                if (valueNode is YamlScalarNode shorthand)
                {
                    // `video: file` is short for `video: { type: file }`.
                    var type = shorthand.Value ?? "";
                    if (!InputTypes.Contains(type))
                        Problem(Pos(shorthand), $"Input '{inputName}' has unknown type '{type}'.", $"Use one of: {string.Join(", ", InputTypes)}.");
                    inputs.Add(new RecipeInput(inputName, type, false, null, null, null, Pos(keyNode)));
                    continue;
                }
                if (valueNode is not YamlMappingNode spec)
                {
                    Problem(Pos(valueNode), $"Input '{inputName}' must be a mapping like {{ type: string, default: es }}.");
                    continue;
                }
                CheckKeys(spec, InputKeys, $"input '{inputName}'");
                var typeNode = Child(spec, "type");
                var typeName = typeNode is YamlScalarNode t ? t.Value ?? "" : "string";
                if (typeNode is not null && !InputTypes.Contains(typeName))
                    Problem(Pos(typeNode), $"Input '{inputName}' has unknown type '{typeName}'.", $"Use one of: {string.Join(", ", InputTypes)}.");
                var required = false;
                if (Child(spec, "required") is { } requiredNode)
                {
                    if (requiredNode is YamlScalarNode { Value: "true" or "false" } r) required = r.Value == "true";
                    else Problem(Pos(requiredNode), $"'required' of input '{inputName}' must be true or false.");
                }
                List<string>? allowed = null;
                if (Child(spec, "enum") is { } enumNode)
                {
                    if (enumNode is YamlSequenceNode seq && seq.Children.All(c => c is YamlScalarNode))
                        allowed = seq.Children.Select(c => ((YamlScalarNode)c).Value ?? "").ToList();
                    else Problem(Pos(enumNode), $"'enum' of input '{inputName}' must be a list of values, like [low, standard].");
                }
                RecipeScalar? defaultValue = null;
                if (Child(spec, "default") is { } defaultNode)
                {
                    if (Value(defaultNode) is RecipeScalar s) defaultValue = s;
                    else Problem(Pos(defaultNode), $"The default of input '{inputName}' must be a single value.");
                }
                inputs.Add(new RecipeInput(inputName, typeName, required, defaultValue, allowed, ScalarText(spec, "description"), Pos(keyNode)));
            }
            return inputs;
        }

        private List<RecipeStep> ReadSteps(YamlNode? node, SourcePosition rootAt)
        {
            var steps = new List<RecipeStep>();
            if (node is null)
            {
                Problem(rootAt, "The recipe has no 'steps'.", "Add a list of steps, each with an id and a tool.");
                return steps;
            }
            if (node is not YamlSequenceNode list)
            {
                Problem(Pos(node), "'steps' must be a list (each item starting with '- id: ...').");
                return steps;
            }
            if (list.Children.Count == 0) Problem(Pos(node), "'steps' is empty.", "Add at least one step.");
            var seen = new HashSet<string>();
            foreach (var item in list.Children)
            {
                if (item is not YamlMappingNode step)
                {
                    Problem(Pos(item), "Each step must be a mapping with id, tool and with.");
                    continue;
                }
                CheckKeys(step, StepKeys, "step");
                var idNode = Child(step, "id");
                var id = (idNode as YamlScalarNode)?.Value ?? "";
                if (idNode is null) Problem(Pos(step), "This step has no 'id'.", "Give each step an id such as 'separate'.");
                else if (!IdPattern().IsMatch(id))
                    Problem(Pos(idNode), $"Step id '{id}' must be lower case letters, digits, '_' or '-', starting with a letter.");
                else if (!seen.Add(id)) Problem(Pos(idNode), $"Two steps have the id '{id}'.", "Step ids must be unique.");
                var toolNode = Child(step, "tool");
                if (toolNode is null) Problem(Pos(step), $"Step '{id}' has no 'tool'.", "Name the tool it calls (`dubagent tools` lists them).");
                var with = Child(step, "with") is { } withNode
                    ? Value(withNode) as RecipeMap ?? Fail<RecipeMap>(withNode, $"'with' of step '{id}' must be a mapping of argument names to values.")
                    : new RecipeMap([], Pos(step));
                TemplatePart? when = Child(step, "when") is { } whenNode ? Condition(whenNode, $"'when' of step '{id}'") : null;
                var engine = Child(step, "engine") is { } engineNode ? ReadEngine(engineNode, id) : null;
                steps.Add(new RecipeStep(id, Pos(idNode ?? step), (toolNode as YamlScalarNode)?.Value ?? "", Pos(toolNode ?? step),
                    with ?? new RecipeMap([], Pos(step)), when, engine, ScalarText(step, "name")));
            }
            return steps;
        }

        private EngineChoice? ReadEngine(YamlNode node, string stepId)
        {
            if (node is YamlScalarNode && Value(node) is RecipeScalar name)
                return new EngineChoice([new EngineRoute(null, name, name.At)], [], name.At);
            if (node is not YamlMappingNode map)
            {
                Problem(Pos(node), $"'engine' of step '{stepId}' must be an engine name or {{ route: [...], fallback: [...] }}.");
                return null;
            }
            CheckKeys(map, EngineKeys, "engine");
            var routes = new List<EngineRoute>();
            if (Child(map, "use") is { } useNode && Value(useNode) is RecipeScalar use)
                routes.Add(new EngineRoute(null, use, use.At));
            if (Child(map, "route") is { } routeNode)
            {
                if (routeNode is not YamlSequenceNode routeList)
                    Problem(Pos(routeNode), "'route' must be a list of { when, use } items.");
                else
                {
                    foreach (var item in routeList.Children)
                    {
                        if (item is not YamlMappingNode rule || Child(rule, "use") is not { } ruleUse || Value(ruleUse) is not RecipeScalar target)
                        {
                            Problem(Pos(item), "Each route item needs 'use: ENGINE' and may have 'when: ${{ condition }}'.");
                            continue;
                        }
                        CheckKeys(rule, ["when", "use"], "route item");
                        var condition = Child(rule, "when") is { } whenNode ? Condition(whenNode, "'when' of a route") : null;
                        routes.Add(new EngineRoute(condition, target, Pos(item)));
                    }
                }
            }
            if (routes.Count == 0) Problem(Pos(map), $"'engine' of step '{stepId}' names no engine.", "Add 'use: NAME' or a 'route' list.");
            var fallback = new List<RecipeScalar>();
            if (Child(map, "fallback") is { } fallbackNode)
            {
                switch (Value(fallbackNode))
                {
                    case RecipeList l:
                        foreach (var f in l.Items)
                        {
                            if (f is RecipeScalar s) fallback.Add(s);
                            else Problem(f.At, "A fallback is an engine name.");
                        }
                        break;
                    case RecipeScalar single:
                        fallback.Add(single);
                        break;
                    default:
                        Problem(Pos(fallbackNode), "'fallback' must be a list of engine names, like [dsp].");
                        break;
                }
            }
            return new EngineChoice(routes, fallback, Pos(map));
        }

        private List<RecipeOutput> ReadOutputs(YamlNode? node)
        {
            var outputs = new List<RecipeOutput>();
            if (node is null) return outputs;
            if (node is not YamlMappingNode map)
            {
                Problem(Pos(node), "'outputs' must be a mapping of names to values, like video: ${{ steps.export.video }}.");
                return outputs;
            }
            foreach (var (key, value) in map.Children)
                outputs.Add(new RecipeOutput(((YamlScalarNode)key).Value ?? "", Pos(key), Value(value)));
            return outputs;
        }

        /// <summary>A `when`: exactly one ${{ }} expression.</summary>
        private TemplatePart? Condition(YamlNode node, string what)
        {
            var value = Value(node);
            if (value is RecipeScalar { Template.IsSingleExpression: true } s) return s.Template.Parts[0];
            if (value is RecipeScalar { Template.HasExpressions: true }) return Fail<TemplatePart>(node, $"{what} must be one ${{{{ }}}} expression and nothing around it.");
            return Fail<TemplatePart>(node, $"{what} must be an expression like ${{{{ inputs.budget == 'low' }}}}.");
        }

        private RecipeValue Value(YamlNode node) => node switch
        {
            YamlScalarNode s => Scalar(s),
            YamlSequenceNode seq => new RecipeList(seq.Children.Select(Value).ToList(), Pos(seq)),
            YamlMappingNode map => new RecipeMap(map.Children.Select(c =>
                new RecipeEntry(((c.Key as YamlScalarNode)?.Value) ?? "", Pos(c.Key), Value(c.Value))).ToList(), Pos(map)),
            _ => new RecipeScalar("", false, new Template([]), Pos(node)),
        };

        private RecipeScalar Scalar(YamlScalarNode node)
        {
            var text = node.Value ?? "";
            var parts = new List<TemplatePart>();
            var restored = new System.Text.StringBuilder();
            foreach (var (literal, expression) in mask.Split(text))
            {
                if (expression is null)
                {
                    parts.Add(new TemplatePart(literal!));
                    restored.Append(literal);
                    continue;
                }
                restored.Append("${{").Append(expression.Text).Append("}}");
                try
                {
                    parts.Add(new TemplatePart("", ExpressionParser.Parse(expression.Text), expression.Text.Trim(), expression.Line, expression.Column));
                }
                catch (ExpressionException e)
                {
                    Problems.Add(new RecipeProblem(file, expression.Line, expression.Column + e.Offset, $"Expression '{expression.Text.Trim()}': {e.Message}", e.Hint));
                    parts.Add(new TemplatePart("", null, expression.Text.Trim(), expression.Line, expression.Column));
                }
            }
            var quoted = node.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded;
            return new RecipeScalar(restored.ToString(), quoted, new Template(parts.Where(p => p.Expression is not null || p.Literal.Length > 0 || p.Source is not null).ToList()), Pos(node));
        }

        private void CheckKeys(YamlMappingNode map, string[] known, string what)
        {
            foreach (var key in map.Children.Keys)
            {
                var name = (key as YamlScalarNode)?.Value ?? "";
                if (!known.Contains(name))
                    Problem(Pos(key), $"Unknown key '{name}' in {what}.", $"Known keys: {string.Join(", ", known)}.");
            }
        }

        private static YamlNode? Child(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

        private string? ScalarText(YamlMappingNode map, string key) => Child(map, key) switch
        {
            null => null,
            YamlScalarNode s => s.Value,
            var other => Fail<string>(other, $"'{key}' must be text."),
        };

        private T? Fail<T>(YamlNode node, string message) where T : class
        {
            Problem(Pos(node), message);
            return null;
        }

        private void Problem(SourcePosition at, string message, string? hint = null) =>
            Problems.Add(new RecipeProblem(file, at.Line, at.Column, message, hint));

        private static SourcePosition Pos(YamlNode node) => new((int)node.Start.Line, (int)node.Start.Column);

        private static string Clean(string message)
        {
            var paren = message.IndexOf("): ", StringComparison.Ordinal);
            return paren > 0 && message.StartsWith('(') ? message[(paren + 3)..] : message;
        }
    }
}
