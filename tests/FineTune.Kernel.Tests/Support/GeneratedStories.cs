using System.Text;

namespace FineTune.Kernel.Tests.Support;

/// <summary>
/// Small TinyStories-like documents made from templates and a seed, separated by blank lines as the
/// project's pretraining corpus is: enough repeated structure for a tiny model to learn quickly.
/// </summary>
static class GeneratedStories
{
    static readonly string[] Names = ["Tom", "Lily", "Max", "Anna", "Ben", "Mia"];
    static readonly string[] Animals = ["dog", "cat", "bird", "fox", "frog", "duck"];
    static readonly string[] Places = ["park", "garden", "forest", "house", "river", "farm"];
    static readonly string[] Feelings = ["happy", "sad", "tired", "excited", "scared", "kind"];
    static readonly (string, string)[] Opposites = [("hot", "cold"), ("big", "small"), ("fast", "slow"), ("up", "down"), ("day", "night")];
    static readonly string[] Numbers = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

    /// <summary>About <paramref name="documents"/> short documents, joined by blank lines.</summary>
    public static string Text(int documents, int seed = 1) => string.Join("\n\n", Documents(documents, seed));

    public static IEnumerable<string> Documents(int count, int seed = 1)
    {
        var random = new Random(seed);
        string Pick(string[] words) => words[random.Next(words.Length)];
        for (int i = 0; i < count; i++)
        {
            switch (random.Next(3))
            {
                case 0:
                    string name = Pick(Names), animal = Pick(Animals);
                    yield return $"Once upon a time, {name} had a little {animal}. The {animal} liked to play in the {Pick(Places)}. " +
                        $"One day, the {animal} was {Pick(Feelings)}. {name} said, \"Let's go home.\" They went home together.";
                    break;
                case 1:
                    var (a, b) = Opposites[random.Next(Opposites.Length)];
                    yield return $"The opposite of {a} is {b}. The opposite of {b} is {a}.";
                    break;
                default:
                    int start = random.Next(Numbers.Length - 3);
                    var counting = new StringBuilder();
                    for (int n = start; n < start + 4; n++) counting.Append(Numbers[n]).Append(n < start + 3 ? ", " : ".");
                    yield return $"Let's count: {counting}\n{start + 1} plus one is {start + 2}.";
                    break;
            }
        }
    }
}
