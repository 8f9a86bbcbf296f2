//! `family_relationships`: a family told as marriages and children; how is
//! one member related to another?
//!
//! The reference keeps the family in a `set` of `Person`s hashed by their id,
//! and the story's couples in a `set` of `(Person, Person)` tuples, so both
//! orders are CPython's set layout: ids are handed out 0, 1, 2... and a set's
//! table always has more slots than members, so the family iterates in id
//! order; the couples' tuple hashes collide and probe, so their order comes
//! from `py_set_order`.

use dataset_core::config::count;
use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Random,
    Result, Seed,
};
use pycompat::{py_int_hash, py_set_order, py_strip, py_tuple_hash};
use serde_json::json;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "family_relationships",
    category: "graphs",
    description: "Name the relationship between two members of a described family",
    config_class: "FamilyRelationshipsConfig",
    build,
};

const MALE_NAMES: [&str; 43] = [
    "James",
    "John",
    "Robert",
    "Michael",
    "William",
    "David",
    "Richard",
    "Joseph",
    "Thomas",
    "Charles",
    "Peter",
    "Daniel",
    "Matthew",
    "Christopher",
    "Andrew",
    "George",
    "Edward",
    "Benjamin",
    "Henry",
    "Samuel",
    "Alexander",
    "Oliver",
    "Jack",
    "Harry",
    "Jacob",
    "Noah",
    "Ethan",
    "Lucas",
    "Mason",
    "Logan",
    "Sebastian",
    "Theodore",
    "Owen",
    "Liam",
    "Aiden",
    "Kai",
    "Jayden",
    "Zion",
    "Phoenix",
    "Atlas",
    "Axel",
    "Ryder",
    "Finn",
];

const FEMALE_NAMES: [&str; 43] = [
    "Mary",
    "Patricia",
    "Jennifer",
    "Linda",
    "Elizabeth",
    "Barbara",
    "Susan",
    "Jessica",
    "Sarah",
    "Karen",
    "Emma",
    "Lisa",
    "Anna",
    "Margaret",
    "Victoria",
    "Charlotte",
    "Sophia",
    "Isabella",
    "Olivia",
    "Ava",
    "Mia",
    "Emily",
    "Abigail",
    "Amelia",
    "Eleanor",
    "Grace",
    "Alice",
    "Lucy",
    "Chloe",
    "Sophie",
    "Lily",
    "Hannah",
    "Zoe",
    "Luna",
    "Nova",
    "Aria",
    "Willow",
    "Aurora",
    "Sage",
    "River",
    "Winter",
    "Sky",
    "Rain",
];

const TEMPLATES: [&str; 3] = [
    "What is {person1} to {person2}? Respond only with the word that describes their relationship.",
    "How is {person1} related to {person2}? Provide the relationship in one word.",
    "What relation is {person1} to {person2}? Answer with a single word.",
];

struct FamilyRelationships {
    seed: Seed,
    min_family_size: i64,
    max_family_size: i64,
    male_names: Vec<String>,
    female_names: Vec<String>,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = FamilyRelationships {
        seed: p.seed,
        min_family_size: r.int("min_family_size", 4),
        max_family_size: r.int("max_family_size", 8),
        male_names: r.str_list("male_names", &MALE_NAMES),
        female_names: r.str_list("female_names", &FEMALE_NAMES),
    };
    let v = r.finish()?;
    v.ensure(d.min_family_size >= 3, "min_family_size must be at least 3")?;
    v.ensure(
        d.max_family_size >= d.min_family_size,
        "max_family_size must be >= min_family_size",
    )?;
    v.ensure(!d.male_names.is_empty(), "must provide male names")?;
    v.ensure(!d.female_names.is_empty(), "must provide female names")?;
    // A family stops growing when a gender's names run out; each name drawn
    // scans the list (`get_name`'s `available`).
    let names = (d.male_names.len() + d.female_names.len()) as u128;
    v.ensure_item_size(
        count(d.max_family_size).min(names + 8).saturating_mul(names),
        "min(max_family_size, len(male_names) + len(female_names)) * (len(male_names) + len(female_names))",
    )?;
    v.done(d)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

/// A `Person`, by its id (its index in [`Family::people`]).
struct Person {
    /// `None` where `get_name` ran out of names (the reference prints "None").
    name: Option<String>,
    gender: Gender,
    spouse: Option<usize>,
    parents: Vec<usize>,
    children: Vec<usize>,
}

/// The reference's `family` set: every person made joins it, so ids are
/// `0..people.len()` and its iteration order is id order.
struct Family {
    people: Vec<Person>,
    used_names: Vec<String>,
}

impl Family {
    fn name(&self, id: usize) -> String {
        self.people[id]
            .name
            .clone()
            .unwrap_or_else(|| "None".into())
    }

    fn person(&mut self, name: Option<String>, gender: Gender) -> usize {
        self.people.push(Person {
            name,
            gender,
            spouse: None,
            parents: Vec::new(),
            children: Vec::new(),
        });
        self.people.len() - 1
    }

    /// `add_child`.
    fn add_child(&mut self, parent: usize, child: usize) {
        if !self.people[parent].children.contains(&child) {
            self.people[parent].children.push(child);
        }
        if !self.people[child].parents.contains(&parent) {
            self.people[child].parents.push(parent);
        }
    }

    /// `add_spouse`.
    fn add_spouse(&mut self, a: usize, b: usize) {
        self.people[a].spouse = Some(b);
        self.people[b].spouse = Some(a);
    }

    /// `[p for parent in person.parents for p in parent.parents]`.
    fn grandparents(&self, id: usize) -> impl Iterator<Item = usize> + '_ {
        self.people[id]
            .parents
            .iter()
            .flat_map(|&parent| self.people[parent].parents.iter().copied())
    }
}

/// `Relationship`'s values.
fn relationship(rel: &str, female: bool) -> &'static str {
    match (rel, female) {
        ("parent", true) => "mother",
        ("parent", false) => "father",
        ("child", true) => "daughter",
        ("child", false) => "son",
        ("spouse", true) => "wife",
        ("spouse", false) => "husband",
        ("sibling", true) => "sister",
        ("sibling", false) => "brother",
        ("grandparent", true) => "grandmother",
        ("grandparent", false) => "grandfather",
        ("aunt_uncle", true) => "aunt",
        ("aunt_uncle", false) => "uncle",
        ("niece_nephew", true) => "niece",
        ("niece_nephew", false) => "nephew",
        (_, true) => "mother-in-law",
        (_, false) => "father-in-law",
    }
}

impl FamilyRelationships {
    /// `get_name`: a name of the gender not used yet (by value: a name listed
    /// twice goes with its first use), or `None` when there is none left.
    fn get_name(
        &self,
        rng: &mut Random,
        family: &mut Family,
        gender: Gender,
    ) -> Result<Option<String>> {
        let names = match gender {
            Gender::Male => &self.male_names,
            Gender::Female => &self.female_names,
        };
        let available: Vec<&String> = names
            .iter()
            .filter(|n| !family.used_names.contains(n))
            .collect();
        if available.is_empty() {
            return Ok(None);
        }
        let name = (*rng.choice(&available)?).clone();
        family.used_names.push(name.clone());
        Ok(Some(name))
    }

    /// `_generate_family`.
    fn generate_family(&self, rng: &mut Random, family_size: i64) -> Result<Family> {
        let mut f = Family {
            people: Vec::new(),
            used_names: Vec::new(),
        };
        let name = self.get_name(rng, &mut f, Gender::Male)?;
        let grandfather_of_father = f.person(name, Gender::Male);
        let name = self.get_name(rng, &mut f, Gender::Female)?;
        let grandmother_of_father = f.person(name, Gender::Female);
        f.add_spouse(grandfather_of_father, grandmother_of_father);

        let mut maternal = None;
        if family_size > 6 {
            let name = self.get_name(rng, &mut f, Gender::Male)?;
            let grandfather = f.person(name, Gender::Male);
            let name = self.get_name(rng, &mut f, Gender::Female)?;
            let grandmother = f.person(name, Gender::Female);
            f.add_spouse(grandfather, grandmother);
            maternal = Some((grandfather, grandmother));
        }

        let mut couples: Vec<(usize, usize)> = Vec::new();
        let name = self.get_name(rng, &mut f, Gender::Male)?;
        let father = f.person(name, Gender::Male);
        f.add_child(grandfather_of_father, father);
        f.add_child(grandmother_of_father, father);

        if family_size > 3 {
            let name = self.get_name(rng, &mut f, Gender::Female)?;
            let mother = f.person(name, Gender::Female);
            f.add_spouse(father, mother);
            couples.push((father, mother));
            if let Some((grandfather, grandmother)) = maternal {
                f.add_child(grandfather, mother);
                f.add_child(grandmother, mother);
            }
        }

        if family_size > 8 {
            // The father's brother and his wife.
            let name = self.get_name(rng, &mut f, Gender::Male)?;
            let uncle = f.person(name, Gender::Male);
            let name = self.get_name(rng, &mut f, Gender::Female)?;
            let aunt_by_marriage = f.person(name, Gender::Female);
            f.add_spouse(uncle, aunt_by_marriage);
            f.add_child(grandfather_of_father, uncle);
            f.add_child(grandmother_of_father, uncle);
            couples.push((uncle, aunt_by_marriage));
        }

        if family_size > 10 {
            // The father's sister and her husband.
            let name = self.get_name(rng, &mut f, Gender::Female)?;
            let aunt = f.person(name, Gender::Female);
            let name = self.get_name(rng, &mut f, Gender::Male)?;
            let uncle_by_marriage = f.person(name, Gender::Male);
            f.add_spouse(aunt, uncle_by_marriage);
            f.add_child(grandfather_of_father, aunt);
            f.add_child(grandmother_of_father, aunt);
            couples.push((aunt, uncle_by_marriage));
        }

        while (f.people.len() as i64) < family_size {
            let gender = *rng.choice(&[Gender::Male, Gender::Female])?;
            // `if not name: break`: an empty name ends the family too.
            let Some(name) = self
                .get_name(rng, &mut f, gender)?
                .filter(|n| !n.is_empty())
            else {
                break;
            };
            let child = f.person(Some(name), gender);
            let &(p0, p1) = rng.choice(&couples)?;
            f.add_child(p0, child);
            f.add_child(p1, child);
        }
        Ok(f)
    }

    /// `_get_relationship_question`: pairs are drawn until one is related
    /// (the reference recurses; a related pair is never rare, as the
    /// grandparents are always a couple).
    fn get_relationship_question(
        &self,
        rng: &mut Random,
        f: &Family,
    ) -> Result<(usize, usize, &'static str)> {
        loop {
            let pair = rng.sample_indices(f.people.len() as u64, 2)?;
            let (p1, p2) = (pair[0] as usize, pair[1] as usize);
            let (a, b) = (&f.people[p1], &f.people[p2]);
            let female1 = a.gender == Gender::Female;
            let female2 = b.gender == Gender::Female;
            let same_parents = !a.parents.is_empty()
                && !b.parents.is_empty()
                && a.parents.iter().all(|x| b.parents.contains(x))
                && b.parents.iter().all(|x| a.parents.contains(x));
            let rel = if b.parents.contains(&p1) {
                relationship("parent", female1)
            } else if a.parents.contains(&p2) {
                relationship("child", female1)
            } else if a.spouse == Some(p2) {
                relationship("spouse", female1)
            } else if same_parents {
                relationship("sibling", female1)
            } else if f.grandparents(p2).any(|g| g == p1) {
                relationship("grandparent", female1)
            } else if a
                .parents
                .iter()
                .any(|&x| f.grandparents(p2).any(|g| g == x))
            {
                relationship("aunt_uncle", female1)
            } else if b
                .parents
                .iter()
                .any(|&x| f.grandparents(p1).any(|g| g == x))
            {
                relationship("niece_nephew", female2)
            } else if a.spouse.is_some_and(|s| f.people[s].parents.contains(&p2)) {
                relationship("in_law", female2)
            } else {
                continue;
            };
            return Ok((p1, p2, rel));
        }
    }

    /// `_generate_story`.
    fn generate_story(f: &Family) -> Result<String> {
        // The couples set: each married person in id order adds (person,
        // spouse) unless (spouse, person) is in already.
        let mut couples: Vec<(usize, usize)> = Vec::new();
        for (id, person) in f.people.iter().enumerate() {
            if let Some(spouse) = person.spouse {
                if !couples.contains(&(spouse, id)) && !couples.contains(&(id, spouse)) {
                    couples.push((id, spouse));
                }
            }
        }
        let hash = |&(a, b): &(usize, usize)| {
            py_tuple_hash(&[py_int_hash(a as i64), py_int_hash(b as i64)])
        };
        let mut parts: Vec<String> = Vec::new();
        let mut described: Vec<usize> = Vec::new();
        for k in py_set_order(&couples, hash) {
            let (p1, p2) = couples[k];
            parts.push(format!("{} is married to {}.", f.name(p1), f.name(p2)));
            let children: Vec<usize> = f.people[p1]
                .children
                .iter()
                .copied()
                .filter(|c| !described.contains(c))
                .collect();
            match children.split_last() {
                None => {}
                Some((&only, [])) => {
                    parts.push(format!("They have a child called {}.", f.name(only)));
                }
                Some((&last, first)) => {
                    // `", ".join(first)` refuses a nameless child, which an
                    // f-string would print as "None".
                    if let Some(i) = first.iter().position(|&c| f.people[c].name.is_none()) {
                        return Err(DatasetError::Generation(format!(
                            "sequence item {i}: expected str instance, NoneType found"
                        )));
                    }
                    let first: Vec<String> = first.iter().map(|&c| f.name(c)).collect();
                    parts.push(format!(
                        "They have children called {} and {}.",
                        first.join(", "),
                        f.name(last)
                    ));
                }
            }
            described.extend(children);
        }
        Ok(parts.join(" "))
    }
}

impl Dataset for FamilyRelationships {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let family_size = rng.randint(self.min_family_size, self.max_family_size)?;
        let family = self.generate_family(&mut rng, family_size)?;
        let (p1, p2, rel) = self.get_relationship_question(&mut rng, &family)?;
        let story = Self::generate_story(&family)?;
        let (name1, name2) = (family.name(p1), family.name(p2));
        // `template.format(...)`: a name is never searched for placeholders.
        let template = *rng.choice(&TEMPLATES)?;
        let (before, rest) = template.split_once("{person1}").unwrap_or((template, ""));
        let (between, after) = rest.split_once("{person2}").unwrap_or((rest, ""));
        let question = format!("{before}{name1}{between}{name2}{after}");
        Ok(Item {
            question: format!("{story}\n\n{question}"),
            answer: rel.into(),
            metadata: meta! {
                "person1" => family.people[p1].name.clone(),
                "person2" => family.people[p2].name.clone(),
                "relationship" => rel,
                "family_size" => family.people.len(),
                "difficulty" => json!({
                    "family_size": [self.min_family_size, self.max_family_size],
                }),
            },
        })
    }

    /// `answer.strip().lower() == entry["answer"].strip().lower()`.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        match answer {
            Some(a) if py_strip(a).to_lowercase() == py_strip(&item.answer).to_lowercase() => 1.0,
            _ => 0.0,
        }
    }
}
