//! `generators_00_49.py`: each `generate_<n>` draws its numbers
//! (`generate_example`) and writes the texts (`generate_from_variables`).
//!
//! `difficulty` is always 1.0 (the config refuses anything else), so the
//! reference's `int(15 * difficulty)` is written `15` here.

use dataset_core::{Random, Result};
use serde_json::json;

use super::{example, fr, pick, Example, Generator};

pub(super) fn generator(task: u8) -> Option<Generator> {
    Some(match task {
        0 => generate_0,
        1 => generate_1,
        2 => generate_2,
        3 => generate_3,
        4 => generate_4,
        5 => generate_5,
        _ => return None,
    })
}

fn gcd(a: i64, b: i64) -> i64 {
    if b == 0 {
        a.abs()
    } else {
        gcd(b, a % b)
    }
}

fn generate_0(rng: &mut Random) -> Result<Example> {
    let name = pick(
        rng,
        &[
            "Emily", "Sarah", "Emma", "Sophia", "Olivia", "Ava", "Isabella", "Mia",
        ],
    )?;
    let food = pick(rng, &["shrimp", "onion", "carrot", "mushroom", "clam"])?;
    let peel_rate = rng.randint(4, 15)?;
    let batch_size = rng.randrange_step(20, 50, 5)?;
    let time_per_batch = rng.randint(5, 20)?;
    // Divisible by both peel_rate and batch_size.
    let lcm = peel_rate * batch_size / gcd(peel_rate, batch_size);
    let num_lcm = rng.randint(1, 4)?;
    let total_amount = lcm * num_lcm;

    let peel_time = total_amount / peel_rate;
    let num_batches = total_amount / batch_size;
    let cook_time = num_batches * time_per_batch;
    let total_time = peel_time + cook_time;
    let question = format!("{name} can peel {peel_rate} {food}s a minute and saute {batch_size} {food}s in {time_per_batch} minutes. How long will it take her to peel and saute {total_amount} {food}s?");
    let cot = format!(
        "First find how long it takes {name} to peel the {food}: {total_amount} {food} / {peel_rate} {food}/minute = {peel_time} minutes\n\
         Then find how many batches of {food} she needs to cook: {total_amount} {food} / {batch_size} {food}/batch = {num_batches} batches\n\
         Then multiply the number of batches by the time per batch to find the total cook time: {num_batches} batches * {time_per_batch} minutes/batch = {cook_time} minutes\n\
         Then add the peeling time to find the total time {name} spends: {cook_time} minutes + {peel_time} minutes = {total_time} minutes\n\
         #### {total_time}"
    );
    example(
        question,
        total_time.into(),
        cot,
        json!({
            "name": name, "food": food, "peel_rate": peel_rate, "batch_size": batch_size,
            "time_per_batch": time_per_batch, "total_amount": total_amount,
            "peel_time": peel_time, "cook_time": cook_time,
        }),
    )
}

fn generate_1(rng: &mut Random) -> Result<Example> {
    let name = pick(
        rng,
        &[
            "Sophie", "Emma", "Olivia", "Ava", "Isabella", "Sophia", "Mia",
        ],
    )?;
    let family = pick(rng, &["nephew", "cousin", "brother"])?;
    let blocks = rng.randint(70, 75)?;
    let animals = rng.randint(35, 50)?;
    let rings = rng.randint(20, 35)?;
    let total = blocks + animals + rings + rng.randint(20, 100)?;

    let bouncy_balls = total - (blocks + animals + rings);
    let sum = blocks + animals + rings;
    let question = format!("When {name} watches her {family}, she gets out a variety of toys for him. The bag of building blocks has {blocks} blocks in it. The bin of stuffed animals has {animals} stuffed animals inside. The tower of stacking rings has {rings} multicolored rings on it. {name} recently bought a tube of bouncy balls, bringing her total number of toys for her {family} up to {total}. How many bouncy balls came in the tube?");
    let cot = format!("Let T be the number of bouncy balls in the tube.\nAfter buying the tube of balls, {name} has {blocks} + {animals} + {rings} + T = {sum} + T = {total} toys for her {family}.\nThus, T = {total} - {sum} = {bouncy_balls} bouncy balls came in the tube.\n#### {bouncy_balls}");
    example(
        question,
        bouncy_balls.into(),
        cot,
        json!({
            "name": name, "family": family, "building_blocks": blocks,
            "stuffed_animals": animals, "stacking_rings": rings, "total_toys": total,
            "bouncy_balls": bouncy_balls,
        }),
    )
}

fn generate_2(rng: &mut Random) -> Result<Example> {
    let teacher = pick(rng, &["Ms. Johnson", "Mr. Smith", "Dr. Lee", "Mrs. Garcia"])?;
    let group1 = pick(
        rng,
        &[
            "soccer players",
            "basketball players",
            "volleyball players",
            "swimmers",
        ],
    )?;
    let activities = [
        "dancers",
        "choir members",
        "debate team members",
        "robotics club members",
    ];
    let pair = rng.sample(&activities, 2)?;
    let (group2, group3) = (pair[0], pair[1]);
    let event = pick(rng, &["competition", "tournament", "performance", "meet"])?;
    // `min(int(1.5 * difficulty), 2)` is 1: the total is always 100.
    let total = rng.randint(1, 1)? * 100;
    let step = if total == 100 { 20 } else { 10 };
    let p1_choices: Vec<i64> = (20..=80).step_by(step).collect();
    let p1 = *rng.choice(&p1_choices)?;
    let remaining = total - total * p1 / 100;
    let divisor = if remaining > 0 { 100 / remaining } else { 1 };
    let p2_choices: Vec<i64> = (20..=90).step_by(divisor as usize).collect();
    let p2 = *rng.choice(&p2_choices)?;

    // `int(total * p1 / 100)`: a float division, truncated.
    let group1_count = ((total * p1) as f64 / 100.0) as i64;
    let remaining = total - group1_count;
    let group23_count = ((remaining * p2) as f64 / 100.0) as i64;
    let total_leaving = group1_count + group23_count;
    let question = format!("In {teacher}'s class of {total} students, {p1}% of the class are {group1}. Out of the remaining class, {p2}% of the students are {group2} or part of {group3}. These 3 groups of students will need to leave early today to travel to an away {event}. How many students are leaving early?");
    let cot = format!(
        "{p1}% of the {total} student class are {group1} so that's {}*{total} = {group1_count} students\n\
         There are {total} students and {group1_count} are {group1} so that leaves {total}-{group1_count} = {remaining} students\n\
         {p2}% of the remaining {remaining} students are part of {group3} or {group2} so that's {}*{remaining} = {group23_count} students\n\
         {group1_count} students are {group1} and {group23_count} are part of {group3}/{group2} so {group1_count}+{group23_count} = {total_leaving} students will be leaving early\n\
         #### {total_leaving}",
        fr(p1 as f64 / 100.0),
        fr(p2 as f64 / 100.0),
    );
    example(
        question,
        total_leaving.into(),
        cot,
        json!({
            "teacher": teacher, "total_students": total, "percent_group1": p1,
            "percent_group23": p2, "group1": group1, "group2": group2, "group3": group3,
            "event": event, "group1_count": group1_count, "group23_count": group23_count,
        }),
    )
}

fn generate_3(rng: &mut Random) -> Result<Example> {
    let name = pick(
        rng,
        &[
            "Mike", "John", "David", "James", "Robert", "William", "Richard",
        ],
    )?;
    let initial_pals = rng.randint(5, 15)?;
    let lost_pals = rng.randint(1, initial_pals - 1)?;
    let letters_per_week = rng.randint(2, 5)?;
    let mut pages_per_letter = rng.randint(5, 12)?;
    let multiplier = (initial_pals - lost_pals) * letters_per_week * pages_per_letter;
    // Minutes per page that make the total a whole number of hours.
    let valid_minutes: Vec<i64> = (4..=15).filter(|m| (multiplier * m) % 60 == 0).collect();
    let minutes_per_page = if valid_minutes.is_empty() {
        let total_minutes = multiplier * 4;
        pages_per_letter = ((total_minutes + 59) / 60 * 60) / (multiplier / pages_per_letter);
        4
    } else {
        *rng.choice(&valid_minutes)?
    };

    let current_pals = initial_pals - lost_pals;
    let letters_received = current_pals * letters_per_week;
    let pages_to_write = letters_received * pages_per_letter;
    let total_minutes = pages_to_write * minutes_per_page;
    let hours = total_minutes.div_euclid(60);
    let question = format!("{name} was a pen pal with {initial_pals} people. He stopped being penpals with {lost_pals} of them. They each send {letters_per_week} letters a week that are {pages_per_letter} pages long. He responds in kind. He can write a page every {minutes_per_page} minutes. How many hours does he spend writing a week?");
    let cot = format!(
        "{name} is penpals with {initial_pals}-{lost_pals}={current_pals} people\n\
         Thus he gets {current_pals}*{letters_per_week}={letters_received} letters a week\n\
         So he writes {letters_received}*{pages_per_letter}={pages_to_write} pages a week\n\
         So he writes for {pages_to_write}*{minutes_per_page}={total_minutes} minutes a week\n\
         So he writes {total_minutes}/60={hours} hours a week\n#### {hours}"
    );
    example(
        question,
        hours.into(),
        cot,
        json!({
            "name": name, "initial_penpals": initial_pals, "lost_penpals": lost_pals,
            "current_penpals": current_pals, "letters_per_week": letters_per_week,
            "pages_per_letter": pages_per_letter, "minutes_per_page": minutes_per_page,
            "total_minutes": total_minutes,
        }),
    )
}

fn generate_4(rng: &mut Random) -> Result<Example> {
    let name = pick(rng, &["Mary", "Sarah", "Emma", "Elizabeth", "Catherine"])?;
    let items = pick(rng, &["sprinkles", "frosting", "icing", "chocolate chips"])?;
    let food = pick(rng, &["cupcake", "cookie", "brownie", "muffin"])?;
    let location = pick(
        rng,
        &["pantry", "cupboard", "kitchen cabinet", "storage room"],
    )?;
    let container = pick(rng, &["pan", "tray", "baking sheet", "rack"])?;
    let per_jar = rng.randint(6, 20)?;
    let multiplier = rng.randint(1, (24 / per_jar).max(1))?;
    let per_pan = (per_jar * multiplier).min(24);
    let num_jars = rng.randint(3, 15)?;

    let total_items = num_jars * per_jar;
    let num_pans = total_items / per_pan;
    let question = format!("{name} has {num_jars} jars of {items} in her {location}. Each jar of {items} can decorate {per_jar} {food}s. {name} wants to bake enough {food}s to use up all of her {items}. If each {container} holds {per_pan} {food}s, how many {container}s worth of {food}s should she bake?");
    let cot = format!("She has enough {items} for {num_jars} * {per_jar} = {total_items} {food}s.\nShe needs {total_items} / {per_pan} = {num_pans} {container}s to bake all of the {food}s.\n#### {num_pans}");
    example(
        question,
        num_pans.into(),
        cot,
        json!({
            "name": name, "items": items, "food": food, "location": location,
            "container": container, "num_jars": num_jars, "per_jar": per_jar,
            "per_pan": per_pan, "total_items": total_items,
        }),
    )
}

fn generate_5(rng: &mut Random) -> Result<Example> {
    let names = [
        "Emma",
        "Olivia",
        "Ava",
        "Isabella",
        "Sophia",
        "Mia",
        "Charlotte",
        "Carol",
        "Jennifer",
    ];
    let pair = rng.sample(&names, 2)?;
    let (name1, name2) = (pair[0], pair[1]);
    let city = pick(
        rng,
        &["Los Angeles", "New York", "Chicago", "Houston", "Phoenix"],
    )?;
    let celebrity_type = pick(
        rng,
        &[
            "movie stars",
            "athletes",
            "musicians",
            "politicians",
            "authors",
        ],
    )?;
    let vacation_type = pick(
        rng,
        &["winter break", "spring break", "summer break", "fall break"],
    )?;
    let n1 = rng.randint(3, 8)?;
    let n2 = rng.randint(2, 5)?;
    let mut s1 = rng.randint(15, 40)?;
    let mut s2 = rng.randint(30, 60)?;
    let goal = rng.randrange_step(90, 150, 5)?;
    while s1 + s2 >= goal {
        s1 = rng.randint(15, 40)?;
        s2 = rng.randint(30, 60)?;
    }

    let collected = s1 + s2;
    let needed = goal - collected;
    let question = format!("{name1} and {name2} are sisters from {city} who love collecting signatures from {celebrity_type}. During their {vacation_type} from school, the sisters spend every afternoon collecting signatures. After {n1} weeks, {name1} and {name2} compare their autograph books, counting up the number of signatures each sister has collected. {name1} has {s1} signatures in her book, and {name2} has {s2}. The sisters have {n2} more weeks of {vacation_type}, and they decide they want to reach {goal} signatures between them by the end of the summer. How many signatures do the sisters need to collect to reach their goal?");
    let cot = format!("{name1} and {name2} have already collected {s1} + {s2} signatures = {collected} signatures.\nSince their goal is {goal}, they need to collect {goal} - {collected} signatures. {goal} - {collected} = {needed} signatures\n#### {needed}");
    example(
        question,
        needed.into(),
        cot,
        json!({
            "name1": name1, "name2": name2, "city": city, "celebrity_type": celebrity_type,
            "vacation_type": vacation_type, "weeks_passed": n1, "weeks_remaining": n2,
            "signatures1": s1, "signatures2": s2, "goal": goal,
            "signatures_collected": collected, "signatures_needed": needed,
        }),
    )
}
