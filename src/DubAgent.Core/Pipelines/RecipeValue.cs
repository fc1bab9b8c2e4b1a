using DubAgent.Core.Expressions;

namespace DubAgent.Core.Pipelines;

/// <summary>A YAML value of a recipe (a step's `with`, an output) with its position; scalars may hold expressions.</summary>
public abstract record RecipeValue(SourcePosition At)
{
    /// <summary>Every expression inside, for validation and dependency tracking.</summary>
    public abstract IEnumerable<TemplatePart> Expressions { get; }
}

/// <param name="Quoted">Written in quotes (always a string) rather than plain (may read as a number, boolean or null).</param>
public sealed record RecipeScalar(string Text, bool Quoted, Template Template, SourcePosition At) : RecipeValue(At)
{
    public override IEnumerable<TemplatePart> Expressions => Template.Expressions;

    public bool IsPlainNull => !Quoted && Text is "" or "~" or "null" or "Null" or "NULL";
}

public sealed record RecipeList(IReadOnlyList<RecipeValue> Items, SourcePosition At) : RecipeValue(At)
{
    public override IEnumerable<TemplatePart> Expressions => Items.SelectMany(i => i.Expressions);
}

public sealed record RecipeMap(IReadOnlyList<RecipeEntry> Entries, SourcePosition At) : RecipeValue(At)
{
    public override IEnumerable<TemplatePart> Expressions => Entries.SelectMany(e => e.Value.Expressions);

    public RecipeEntry? Find(string key) => Entries.FirstOrDefault(e => e.Key == key);
}

public sealed record RecipeEntry(string Key, SourcePosition KeyAt, RecipeValue Value);
