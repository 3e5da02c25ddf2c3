namespace FineTune.Samples;

/// <summary>The small world the corpus talks about: places, things, pets, animal sounds, colours, simple facts.</summary>
static class StoryWords
{
    public static readonly IReadOnlyList<string> Looks = ["little", "kind", "curious", "happy", "shy", "clever", "friendly", "cheerful"];
    public static readonly IReadOnlyList<string> Homes = ["the forest", "the sea", "the park", "a big farm", "a quiet lake", "the hills", "a small village", "the river"];
    public static readonly IReadOnlyList<string> Family = ["mother", "father", "grandma", "grandpa", "aunt", "uncle", "big sister", "big brother"];
    public static readonly IReadOnlyList<string> Toys = ["ball", "kite", "teddy bear", "toy car", "doll", "drum", "puzzle", "toy boat", "yo-yo", "spinning top", "book", "balloon"];
    public static readonly IReadOnlyList<string> Furniture = ["bed", "table", "sofa", "chair", "rug", "desk", "box of toys", "big cupboard"];
    public static readonly IReadOnlyList<string> Spots = ["under the big tree", "behind the door", "in the garden", "next to the pond", "in the toy box", "on the top shelf", "under a pile of leaves", "in the kitchen"];
    public static readonly IReadOnlyList<string> Pets = ["dog", "cat", "rabbit", "puppy", "kitten", "hamster", "parrot", "goldfish", "pony", "tortoise"];
    public static readonly IReadOnlyList<string> PetNames = ["Spot", "Fluffy", "Biscuit", "Pip", "Daisy", "Buddy", "Coco", "Max", "Sunny", "Pepper", "Button", "Tiger"];
    public static readonly IReadOnlyList<string> Colours = ["red", "blue", "green", "yellow", "white", "black", "brown", "pink", "purple", "orange"];
    public static readonly IReadOnlyList<string> Treats = ["cake", "pie", "loaf of bread", "batch of cookies", "pizza", "pot of soup"];
    public static readonly IReadOnlyList<string> Collections = ["buttons", "stones", "shells", "coins", "leaves", "stickers", "marbles", "acorns"];
    public static readonly IReadOnlyList<string> Feelings = ["happy", "glad", "proud", "excited", "calm", "thankful"];

    /// <summary>Animal, plural, the sound it makes.</summary>
    public static readonly IReadOnlyList<(string One, string Many, string Sound)> Sounds =
    [
        ("cow", "cows", "moo"), ("dog", "dogs", "woof"), ("cat", "cats", "meow"), ("duck", "ducks", "quack"), ("sheep", "sheep", "baa"),
        ("pig", "pigs", "oink"), ("hen", "hens", "cluck"), ("owl", "owls", "hoot"), ("horse", "horses", "neigh"), ("lion", "lions", "roar"),
        ("mouse", "mice", "squeak"), ("frog", "frogs", "croak"), ("bee", "bees", "buzz"), ("snake", "snakes", "hiss"), ("donkey", "donkeys", "hee-haw"),
    ];

    /// <summary>Thing, colour, written as a sentence subject.</summary>
    public static readonly IReadOnlyList<(string Thing, string Colour)> ThingColours =
    [
        ("the sky", "blue"), ("grass", "green"), ("snow", "white"), ("a banana", "yellow"), ("a strawberry", "red"), ("an orange", "orange"),
        ("coal", "black"), ("the sun", "yellow"), ("a leaf", "green"), ("a carrot", "orange"), ("milk", "white"), ("a tomato", "red"),
        ("a plum", "purple"), ("chocolate", "brown"), ("a lemon", "yellow"), ("the sea", "blue"), ("a frog", "green"), ("a crow", "black"),
    ];

    /// <summary>Animal and how many legs it has.</summary>
    public static readonly IReadOnlyList<(string Animal, int Legs)> Legs =
    [
        ("dog", 4), ("cat", 4), ("spider", 8), ("bird", 2), ("ant", 6), ("horse", 4), ("duck", 2), ("bee", 6), ("cow", 4), ("hen", 2),
        ("crab", 10), ("frog", 4), ("owl", 2), ("sheep", 4), ("beetle", 6),
    ];

    public static readonly IReadOnlyList<string> SimpleFacts =
    [
        "Fish live in water.", "Birds can fly.", "Cows give milk.", "Bees make honey.", "Hens lay eggs.", "Ice is cold.", "Fire is hot.",
        "The sun is hot and bright.", "Snow melts when it gets warm.", "A week has seven days.", "A year has twelve months.",
        "A hand has five fingers.", "Plants need water and light.", "The moon shines at night.", "Rain comes from clouds.",
        "Frogs can jump and swim.", "Ducks like the water.", "Owls are awake at night.", "Trees grow from seeds.", "Bread is made from flour.",
        "A snake has no legs.", "Leaves fall from the trees in autumn.", "We sleep at night and play in the day.",
    ];

    /// <summary>Things a colour does not fit: a story tells them apart as "the first" and "the second".</summary>
    public static readonly IReadOnlySet<string> Uncoloured = new HashSet<string> { "idea", "plan", "song", "game", "puzzle", "road", "path", "river", "pond", "hole", "room", "tree", "wall", "shelf", "bath" };

    /// <summary>Adjective antonyms that describe things, with the things they fit.</summary>
    public static readonly IReadOnlyList<(string A, string B, string[] Things)> Describing =
    [
        ("hot", "cold", ["cup of tea", "bowl of soup", "bath"]), ("big", "small", ["box", "ball", "bag", "house"]),
        ("fast", "slow", ["car", "train", "bike"]), ("open", "closed", ["door", "window", "box"]), ("wet", "dry", ["towel", "sock", "shirt"]),
        ("full", "empty", ["cup", "basket", "jar", "box"]), ("hard", "soft", ["pillow", "ball", "bed"]), ("long", "short", ["rope", "stick", "road", "scarf"]),
        ("clean", "dirty", ["shirt", "plate", "sock"]), ("loud", "quiet", ["bell", "drum", "radio"]), ("thick", "thin", ["book", "rope", "blanket"]),
        ("strong", "weak", ["rope", "string"]), ("sweet", "sour", ["apple", "plum", "drink"]), ("sharp", "dull", ["pencil", "knife"]),
        ("smooth", "rough", ["stone", "rock", "path"]), ("wide", "narrow", ["road", "river", "door"]), ("deep", "shallow", ["pond", "river", "hole"]),
        ("tidy", "messy", ["room", "desk"]), ("cheap", "expensive", ["toy", "hat", "watch"]), ("easy", "difficult", ["puzzle", "game", "song"]),
        ("safe", "dangerous", ["road", "path"]), ("black", "white", ["cat", "hat", "dog"]), ("light", "dark", ["room", "coat"]),
        ("high", "low", ["shelf", "wall"]), ("good", "bad", ["idea", "plan"]), ("old", "young", ["tree", "horse"]),
    ];
}
