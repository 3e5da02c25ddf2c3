namespace FineTune.Samples;

/// <summary>The names of the people in stories, dialogues and topic sentences.</summary>
static class People
{
    public static readonly IReadOnlyList<string> Girls =
        ["Lily", "Mia", "Anna", "Sara", "Emma", "Zoe", "Lucy", "Ella", "Ruby", "Nora", "Amy", "Kate", "Rosa", "Ivy", "Maya", "Lena"];

    public static readonly IReadOnlyList<string> Boys =
        ["Tom", "Ben", "Sam", "Max", "Leo", "Jack", "Tim", "Finn", "Noah", "Owen", "Luke", "Adam", "Hugo", "Eli", "Dan", "Paul"];

    public static readonly IReadOnlyList<string> All = [.. Girls, .. Boys];
}
