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
use std::collections::HashMap;

use dataset_core::{
    item_rng, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Random,
    Result, Seed,
};
use pycompat::{py_int_hash, py_set_order, py_strip, py_tuple_hash};
use serde::Serialize;

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
    /// Each name's id among the distinct names of both lists: `used_names`
    /// is a set of strings, so equal names are one name, and marking an id
    /// used replaces comparing the name with every used one.
    male_ids: Vec<usize>,
    female_ids: Vec<usize>,
    distinct_names: usize,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = FamilyRelationships {
        seed: p.seed,
        min_family_size: r.int("min_family_size", 4),
        max_family_size: r.int("max_family_size", 8),
        male_names: r.str_list("male_names", &MALE_NAMES),
        female_names: r.str_list("female_names", &FEMALE_NAMES),
        male_ids: Vec::new(),
        female_ids: Vec::new(),
        distinct_names: 0,
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
    let mut d = d;
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut id_of = |name: &String| {
        let next = ids.len();
        *ids.entry(name.clone()).or_insert(next)
    };
    d.male_ids = d.male_names.iter().map(&mut id_of).collect();
    d.female_ids = d.female_names.iter().map(&mut id_of).collect();
    d.distinct_names = ids.len();
    v.done(d)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

/// A `Person`, by its id (its index in [`Family::people`]).
struct Person<'a> {
    /// `None` where `get_name` ran out of names (the reference prints "None").
    name: Option<&'a str>,
    gender: Gender,
    spouse: Option<usize>,
    /// The first `parent_count` are the parents, in the order added. A
    /// child is only ever given one couple (or, for the grandparents'
    /// children, one couple), so there are at most two.
    parents: [usize; 2],
    parent_count: usize,
}

impl Person<'_> {
    fn parents(&self) -> &[usize] {
        &self.parents[..self.parent_count]
    }
}

/// The reference's `family` set: every person made joins it, so ids are
/// `0..people.len()` and its iteration order is id order.
struct Family<'a> {
    people: Vec<Person<'a>>,
    /// `used_names`, by name id.
    used: Vec<bool>,
}

impl<'a> Family<'a> {
    fn name(&self, id: usize) -> &'a str {
        self.people[id].name.unwrap_or("None")
    }

    fn person(&mut self, name: Option<&'a str>, gender: Gender) -> usize {
        self.people.push(Person {
            name,
            gender,
            spouse: None,
            parents: [0; 2],
            parent_count: 0,
        });
        self.people.len() - 1
    }

    /// `add_child`. The parent's `children` list is not kept: children are
    /// added right after they are made, so a person's children are, in
    /// order, the later people listing them as a parent ([`children`](Self::children)).
    fn add_child(&mut self, parent: usize, child: usize) {
        let c = &mut self.people[child];
        if !c.parents().contains(&parent) {
            // Each child is given the two members of one couple.
            c.parents[c.parent_count] = parent;
            c.parent_count += 1;
        }
    }

    /// `person.children`, in the order `add_child` added them.
    fn children(&self, parent: usize) -> impl Iterator<Item = usize> + '_ {
        (parent + 1..self.people.len()).filter(move |&c| self.people[c].parents().contains(&parent))
    }

    /// `add_spouse`.
    fn add_spouse(&mut self, a: usize, b: usize) {
        self.people[a].spouse = Some(b);
        self.people[b].spouse = Some(a);
    }

    /// `[p for parent in person.parents for p in parent.parents]`.
    fn grandparents(&self, id: usize) -> impl Iterator<Item = usize> + '_ {
        self.people[id]
            .parents()
            .iter()
            .flat_map(|&parent| self.people[parent].parents().iter().copied())
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
    fn get_name<'a>(
        &'a self,
        rng: &mut Random,
        family: &mut Family<'a>,
        gender: Gender,
    ) -> Result<Option<&'a str>> {
        let (names, ids) = match gender {
            Gender::Male => (&self.male_names, &self.male_ids),
            Gender::Female => (&self.female_names, &self.female_ids),
        };
        // `rng.choice(available)`, without building `available`.
        let available = ids.iter().filter(|&&id| !family.used[id]).count();
        if available == 0 {
            return Ok(None);
        }
        let k = rng.randbelow(available as u64) as usize;
        let Some(i) = (0..ids.len()).filter(|&i| !family.used[ids[i]]).nth(k) else {
            return Ok(None);
        };
        family.used[ids[i]] = true;
        Ok(Some(names[i].as_str()))
    }

    /// `_generate_family`.
    fn generate_family(&self, rng: &mut Random, family_size: i64) -> Result<Family<'_>> {
        let mut f = Family {
            people: Vec::with_capacity(16),
            used: vec![false; self.distinct_names],
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
            let (pa, pb) = (a.parents(), b.parents());
            let same_parents = !pa.is_empty()
                && !pb.is_empty()
                && pa.iter().all(|x| pb.contains(x))
                && pb.iter().all(|x| pa.contains(x));
            let rel = if pb.contains(&p1) {
                relationship("parent", female1)
            } else if pa.contains(&p2) {
                relationship("child", female1)
            } else if a.spouse == Some(p2) {
                relationship("spouse", female1)
            } else if same_parents {
                relationship("sibling", female1)
            } else if f.grandparents(p2).any(|g| g == p1) {
                relationship("grandparent", female1)
            } else if pa.iter().any(|&x| f.grandparents(p2).any(|g| g == x)) {
                relationship("aunt_uncle", female1)
            } else if pb.iter().any(|&x| f.grandparents(p1).any(|g| g == x)) {
                relationship("niece_nephew", female2)
            } else if a
                .spouse
                .is_some_and(|s| f.people[s].parents().contains(&p2))
            {
                relationship("in_law", female2)
            } else {
                continue;
            };
            return Ok((p1, p2, rel));
        }
    }

    /// `_generate_story`, written to `out`.
    fn write_story(f: &Family, out: &mut String) -> Result<()> {
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
        let mut described = vec![false; f.people.len()];
        let mut children: Vec<usize> = Vec::new();
        // `" ".join(story_parts)`.
        let part = |out: &mut String, pieces: &[&str]| {
            if !out.is_empty() {
                out.push(' ');
            }
            pieces.iter().for_each(|p| out.push_str(p));
        };
        for k in py_set_order(&couples, hash) {
            let (p1, p2) = couples[k];
            part(out, &[f.name(p1), " is married to ", f.name(p2), "."]);
            children.clear();
            children.extend(f.children(p1).filter(|&c| !described[c]));
            match children.split_last() {
                None => {}
                Some((&only, [])) => {
                    part(out, &["They have a child called ", f.name(only), "."]);
                }
                Some((&last, first)) => {
                    // `", ".join(first)` refuses a nameless child, which an
                    // f-string would print as "None".
                    if let Some(i) = first.iter().position(|&c| f.people[c].name.is_none()) {
                        return Err(DatasetError::Generation(format!(
                            "sequence item {i}: expected str instance, NoneType found"
                        )));
                    }
                    part(out, &["They have children called "]);
                    for (n, &c) in first.iter().enumerate() {
                        if n > 0 {
                            out.push_str(", ");
                        }
                        out.push_str(f.name(c));
                    }
                    out.push_str(" and ");
                    out.push_str(f.name(last));
                    out.push('.');
                }
            }
            for &c in &children {
                described[c] = true;
            }
        }
        Ok(())
    }
}

impl Dataset for FamilyRelationships {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut item = Item::default();
        self.generate_into(idx, &mut item)?;
        Ok(item)
    }

    fn generate_into(&self, idx: u64, item: &mut Item) -> Result<()> {
        let mut rng = item_rng(&self.seed, idx);
        let family_size = rng.randint(self.min_family_size, self.max_family_size)?;
        let family = self.generate_family(&mut rng, family_size)?;
        let (p1, p2, rel) = self.get_relationship_question(&mut rng, &family)?;
        let question = &mut item.question;
        question.clear();
        Self::write_story(&family, question)?;
        question.push_str("\n\n");
        // `template.format(...)`: a name is never searched for placeholders.
        let template = *rng.choice(&TEMPLATES)?;
        let (before, rest) = template.split_once("{person1}").unwrap_or((template, ""));
        let (between, after) = rest.split_once("{person2}").unwrap_or((rest, ""));
        for piece in [before, family.name(p1), between, family.name(p2), after] {
            question.push_str(piece);
        }
        item.answer.clear();
        item.answer.push_str(rel);
        item.metadata.set_from_serialize(&Meta {
            person1: family.people[p1].name,
            person2: family.people[p2].name,
            relationship: rel,
            family_size: family.people.len(),
            difficulty: Difficulty {
                family_size: [self.min_family_size, self.max_family_size],
            },
        });
        Ok(())
    }

    /// `answer.strip().lower() == entry["answer"].strip().lower()`.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        match answer {
            Some(a) if py_strip(a).to_lowercase() == py_strip(&item.answer).to_lowercase() => 1.0,
            _ => 0.0,
        }
    }
}

/// The item's metadata, fields in the reference dict's order.
#[derive(Serialize)]
struct Meta<'a> {
    person1: Option<&'a str>,
    person2: Option<&'a str>,
    relationship: &'a str,
    family_size: usize,
    difficulty: Difficulty,
}

#[derive(Serialize)]
struct Difficulty {
    family_size: [i64; 2],
}
