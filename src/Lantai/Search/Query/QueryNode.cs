namespace Lantai.Search.Query;

/// <summary>The parsed form of a query in Lantai's syntax, before it meets the index.</summary>
internal abstract record QueryNode;

/// <summary>A word or an "exact phrase", in one field or (Field null) in the one search box's fields.</summary>
internal sealed record TextNode(QueryField? Field, string Text, bool IsPhrase) : QueryNode;

/// <summary>Every item must match (NotNode items must not).</summary>
internal sealed record AndNode(IReadOnlyList<QueryNode> Items) : QueryNode;

/// <summary>At least one item must match.</summary>
internal sealed record OrNode(IReadOnlyList<QueryNode> Items) : QueryNode;

/// <summary>The item must not match.</summary>
internal sealed record NotNode(QueryNode Item) : QueryNode;
