namespace FineTune.Samples;

/// <summary>A person in a story, with the pronouns to write about them.</summary>
sealed record Character(string Name, bool Girl)
{
    public string He => Girl ? "she" : "he";
    public string Him => Girl ? "her" : "him";
    public string His => Girl ? "her" : "his";
    public string Child => Girl ? "girl" : "boy";

    public static Character Pick(Random rng, string? not = null)
    {
        while (true)
        {
            bool girl = rng.Chance(0.5);
            string name = rng.Pick(girl ? People.Girls : People.Boys);
            if (name != not) return new Character(name, girl);
        }
    }
}
