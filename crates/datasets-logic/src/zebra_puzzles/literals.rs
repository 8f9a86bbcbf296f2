//! `literals.py`: the puzzle elements (attribute kinds) and their members.
//!
//! Only the eleven kinds `generate_puzzle` can pick are here (`Name` and the ten
//! of its `elements` list); the module's other classes are never used.

/// A `Literal` subclass: the part of `description()` the puzzle prints
/// (up to the first `:`), and its members `(name, value)` in definition order.
pub struct Element {
    pub description: &'static str,
    pub members: &'static [(&'static str, &'static str)],
}

impl Element {
    /// `sorted(element.__members__.values())`: `Literal.__lt__` compares values.
    pub fn sorted_members(&self) -> Vec<(&'static str, &'static str)> {
        let mut members = self.members.to_vec();
        members.sort_by(|a, b| a.1.cmp(b.1));
        members
    }
}

pub const NAME: Element = Element {
    description: "Each person has a unique name",
    members: &[
        ("arnold", "Arnold"),
        ("eric", "Eric"),
        ("peter", "Peter"),
        ("alice", "Alice"),
        ("bob", "Bob"),
        ("carol", "Carol"),
        ("david", "David"),
        ("emily", "Emily"),
    ],
};

const COLOR: Element = Element {
    description: "Each person has a favorite color",
    members: &[
        ("yellow", "the person who loves yellow"),
        ("red", "the person whose favorite color is red"),
        ("white", "the person who loves white"),
        ("green", "the person whose favorite color is green"),
        ("blue", "the person who loves blue"),
        ("purple", "the person who loves purple"),
        ("brown", "the person who loves brown"),
    ],
};

const NATIONALITY: Element = Element {
    description: "The people are of nationalities",
    members: &[
        ("dane", "the Dane"),
        ("brit", "the British person"),
        ("swede", "the Swedish person"),
        ("norwegian", "the Norwegian"),
        ("german", "the German"),
        ("chinese", "the Chinese"),
        ("mexican", "the Mexican"),
    ],
};

const ANIMAL: Element = Element {
    description: "The people keep different animals",
    members: &[
        ("horse", "the person who keeps horses"),
        ("cat", "the cat lover"),
        ("bird", "the bird keeper"),
        ("fish", "the fish enthusiast"),
        ("dog", "the dog owner"),
        ("rabbit", "the rabbit owner"),
        ("pig", "the pig owner"),
    ],
};

const DRINK: Element = Element {
    description: "Each person has a favorite drink",
    members: &[
        ("water", "the one who only drinks water"),
        ("tea", "the tea drinker"),
        ("milk", "the person who likes milk"),
        ("coffee", "the coffee drinker"),
        ("root_beer", "the root beer lover"),
        ("boba_tea", "the boba tea drinker"),
        ("wine", "the wine drinker"),
    ],
};

const CIGAR: Element = Element {
    description: "Everyone has a different favorite cigar",
    members: &[
        ("pall_mall", "the person partial to Pall Mall"),
        ("prince", "the Prince smoker"),
        ("blue_master", "the person who smokes Blue Master"),
        ("dunhill", "the Dunhill smoker"),
        ("blends", "the person who smokes many different blends"),
        ("yellow_monster", "the person who smokes Yellow Monster"),
        ("red_eye", "the person who smokes Red Eye"),
    ],
};

const FOOD: Element = Element {
    description: "Everyone has something different for lunch",
    members: &[
        (
            "grilled_cheese",
            "the person who loves eating grilled cheese",
        ),
        ("pizza", "the person who is a pizza lover"),
        ("spaghetti", "the person who loves the spaghetti eater"),
        ("stew", "the person who loves the stew"),
        ("stir_fry", "the person who loves stir fry"),
        ("soup", "the person who loves the soup"),
        ("sushi", "the person who loves the sushi"),
    ],
};

const FLOWER: Element = Element {
    description: "They all have a different favorite flower",
    members: &[
        (
            "carnations",
            "the person who loves a carnations arrangement",
        ),
        ("daffodils", "the person who loves a bouquet of daffodils"),
        ("lilies", "the person who loves the boquet of lilies"),
        ("roses", "the person who loves the rose bouquet"),
        ("tulips", "the person who loves the vase of tulips"),
        ("iris", "the person who loves the boquet of iris"),
        ("orchid", "the person who loves the boquet of orchid"),
    ],
};

const PHONE_MODEL: Element = Element {
    description: "People use different phone models",
    members: &[
        ("iphone_13", "the person who uses an iPhone 13"),
        (
            "samsung_galaxy_s21",
            "the person who uses a Samsung Galaxy S21",
        ),
        ("google_pixel_6", "the person who uses a Google Pixel 6"),
        ("oneplus_9", "the person who uses a OnePlus 9"),
        ("huawei_p50", "the person who uses a Huawei P50"),
        ("xiaomi_mi_11", "the person who uses a Xiaomi Mi 11"),
        ("sony_xperia_5", "the person who uses a Sony Xperia 5"),
    ],
};

const CHILDREN: Element = Element {
    description: "Each mother is accompanied by their child",
    members: &[
        ("bella", "the person's child is named Bella"),
        ("fred", "the person's child is named Fred"),
        ("meredith", "the person's child is named Meredith"),
        ("samantha", "the person's child is named Samantha"),
        ("timothy", "the person who is the mother of Timothy"),
        ("alice", "the person's child is named Alice"),
        ("billy", "the person who is the mother of Billy"),
    ],
};

const SMOOTHIE: Element = Element {
    description: "Everyone has a favorite smoothie",
    members: &[
        ("cherry", "the person who likes Cherry smoothies"),
        ("desert", "the Desert smoothie lover"),
        ("watermelon", "the Watermelon smoothie lover"),
        ("dragonfruit", "the Dragonfruit smoothie lover"),
        ("lime", "the person who drinks Lime smoothies"),
        ("blueberry", "the person who drinks Blueberry smoothies"),
        ("lemon", "the Lemon smoothie lover"),
        ("dusk", "the person whose favorite smoothie is Dusk"),
        ("dawn", "the person who likes Dawn smoothies"),
        ("spring", "the person who likes Spring smoothies"),
        ("seafoam", "the person who likes Seafoam smoothies"),
        (
            "phantom_spring",
            "the person who likes Phantom Spring smoothies",
        ),
        ("abyss", "the person whose favorite smoothie is Abyss"),
        ("butterscotch", "the Butterscotch smoothie drinker"),
        ("lilac", "the Lilac smoothie drinker"),
        ("sakura", "the person whose favorite smoothie is Sakura"),
        ("life", "the Life smoothie drinker"),
        ("darkness", "the Darkness smoothie drinker"),
        ("earth", "the person who likes Earth smoothies"),
    ],
};

/// `generate_puzzle`'s `elements`, in its order (it shuffles a copy).
pub const ELEMENTS: [&Element; 10] = [
    &COLOR,
    &NATIONALITY,
    &ANIMAL,
    &DRINK,
    &CIGAR,
    &FOOD,
    &FLOWER,
    &PHONE_MODEL,
    &CHILDREN,
    &SMOOTHIE,
];
