//! `generators_00_49.py`: each `generate_<n>` draws its numbers
//! (`generate_example`) and writes the texts (`generate_from_variables`).
//!
//! `difficulty` is always 1.0 (the config refuses anything else), so the
//! reference's `int(15 * difficulty)` is written `15` here.

use dataset_core::{DatasetError, Random, Result};

use super::{example, fr, fraction_str, fstr, gcd, pick, vars, Example, Generator};

pub(super) fn generator(task: u8) -> Option<Generator> {
    Some(match task {
        0 => generate_0,
        1 => generate_1,
        2 => generate_2,
        3 => generate_3,
        4 => generate_4,
        5 => generate_5,
        6 => generate_6,
        7 => generate_7,
        8 => generate_8,
        9 => generate_9,
        10 => generate_10,
        11 => generate_11,
        12 => generate_12,
        13 => generate_13,
        14 => generate_14,
        15 => generate_15,
        16 => generate_16,
        17 => generate_17,
        18 => generate_18,
        19 => generate_19,
        20 => generate_20,
        21 => generate_21,
        22 => generate_22,
        23 => generate_23,
        24 => generate_24,
        25 => generate_25,
        26 => generate_26,
        27 => generate_27,
        28 => generate_28,
        29 => generate_29,
        30 => generate_30,
        31 => generate_31,
        33 => generate_33,
        34 => generate_34,
        36 => generate_36,
        38 => generate_38,
        39 => generate_39,
        40 => generate_40,
        41 => generate_41,
        42 => generate_42,
        43 => generate_43,
        44 => generate_44,
        45 => generate_45,
        46 => generate_46,
        47 => generate_47,
        48 => generate_48,
        49 => generate_49,
        _ => return None,
    })
}

/// `f"{x:.0%}"`
fn percent0(x: f64) -> String {
    fstr!("{}%", pycompat::format_fixed(x * 100.0, 0))
}

/// `f"{n:,}"`
fn commas(n: i64) -> String {
    pycompat::group_thousands(&n.to_string())
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
    let question = fstr!("{name} can peel {peel_rate} {food}s a minute and saute {batch_size} {food}s in {time_per_batch} minutes. How long will it take her to peel and saute {total_amount} {food}s?");
    let cot = fstr!(
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
        vars!({
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
    let question = fstr!("When {name} watches her {family}, she gets out a variety of toys for him. The bag of building blocks has {blocks} blocks in it. The bin of stuffed animals has {animals} stuffed animals inside. The tower of stacking rings has {rings} multicolored rings on it. {name} recently bought a tube of bouncy balls, bringing her total number of toys for her {family} up to {total}. How many bouncy balls came in the tube?");
    let cot = fstr!("Let T be the number of bouncy balls in the tube.\nAfter buying the tube of balls, {name} has {blocks} + {animals} + {rings} + T = {sum} + T = {total} toys for her {family}.\nThus, T = {total} - {sum} = {bouncy_balls} bouncy balls came in the tube.\n#### {bouncy_balls}");
    example(
        question,
        bouncy_balls.into(),
        cot,
        vars!({
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
    let question = fstr!("In {teacher}'s class of {total} students, {p1}% of the class are {group1}. Out of the remaining class, {p2}% of the students are {group2} or part of {group3}. These 3 groups of students will need to leave early today to travel to an away {event}. How many students are leaving early?");
    let cot = fstr!(
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
        vars!({
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
    let question = fstr!("{name} was a pen pal with {initial_pals} people. He stopped being penpals with {lost_pals} of them. They each send {letters_per_week} letters a week that are {pages_per_letter} pages long. He responds in kind. He can write a page every {minutes_per_page} minutes. How many hours does he spend writing a week?");
    let cot = fstr!(
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
        vars!({
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
    let question = fstr!("{name} has {num_jars} jars of {items} in her {location}. Each jar of {items} can decorate {per_jar} {food}s. {name} wants to bake enough {food}s to use up all of her {items}. If each {container} holds {per_pan} {food}s, how many {container}s worth of {food}s should she bake?");
    let cot = fstr!("She has enough {items} for {num_jars} * {per_jar} = {total_items} {food}s.\nShe needs {total_items} / {per_pan} = {num_pans} {container}s to bake all of the {food}s.\n#### {num_pans}");
    example(
        question,
        num_pans.into(),
        cot,
        vars!({
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
    let question = fstr!("{name1} and {name2} are sisters from {city} who love collecting signatures from {celebrity_type}. During their {vacation_type} from school, the sisters spend every afternoon collecting signatures. After {n1} weeks, {name1} and {name2} compare their autograph books, counting up the number of signatures each sister has collected. {name1} has {s1} signatures in her book, and {name2} has {s2}. The sisters have {n2} more weeks of {vacation_type}, and they decide they want to reach {goal} signatures between them by the end of the summer. How many signatures do the sisters need to collect to reach their goal?");
    let cot = fstr!("{name1} and {name2} have already collected {s1} + {s2} signatures = {collected} signatures.\nSince their goal is {goal}, they need to collect {goal} - {collected} signatures. {goal} - {collected} = {needed} signatures\n#### {needed}");
    example(
        question,
        needed.into(),
        cot,
        vars!({
            "name1": name1, "name2": name2, "city": city, "celebrity_type": celebrity_type,
            "vacation_type": vacation_type, "weeks_passed": n1, "weeks_remaining": n2,
            "signatures1": s1, "signatures2": s2, "goal": goal,
            "signatures_collected": collected, "signatures_needed": needed,
        }),
    )
}

fn generate_6(rng: &mut Random) -> Result<Example> {
    let place = pick(rng, &["park", "yard", "field", "playground", "garden"])?;
    let multiplier = *rng.choice(&[2i64, 3, 4])?;
    let mut n_girls = rng.randint(5, 50)?;
    while n_girls * (multiplier + 1) > 200 {
        n_girls = rng.randint(5, 50)?;
    }

    let n_boys = n_girls * multiplier;
    let total_kids = n_girls + n_boys;
    let question = fstr!("There are {n_girls} girls in the {place}. If there are {multiplier} times the number of boys in the {place}, how many kids are in the {place}?");
    let cot = fstr!("There are {n_girls} girls x {multiplier} boys/girl = {n_boys} boys in the {place}.\nIn total there are {n_girls} girls + {n_boys} boys = {total_kids} kids in the {place}\n#### {total_kids}");
    example(
        question,
        total_kids.into(),
        cot,
        vars!({
            "n_girls": n_girls, "place": place, "multiplier": multiplier, "n_boys": n_boys,
            "total_kids": total_kids,
        }),
    )
}

fn generate_7(rng: &mut Random) -> Result<Example> {
    let name = pick(
        rng,
        &["Mary", "Emma", "Sophia", "Isabella", "Olivia", "Ava", "Mia"],
    )?;
    let plants_received = rng.randint(20, 50)?;
    let mut plants_per_ledge = rng.randint(7, 13)?;
    let num_ledges = rng.randint(50, 70)?;
    let mut plants_to_give = rng.randint(3, 8)?;
    while num_ledges * plants_per_ledge + plants_received - num_ledges * plants_to_give <= 0 {
        plants_per_ledge = rng.randint(7, 13)?;
        plants_to_give = rng.randint(3, 8)?;
    }

    let initial_plants = plants_per_ledge * num_ledges;
    let total_plants = initial_plants + plants_received;
    let plants_given = num_ledges * plants_to_give;
    let remaining_plants = total_plants - plants_given;
    let question = fstr!("{name} is an avid gardener. Yesterday, she received {plants_received} new potted plants from her favorite plant nursery. She already has {plants_per_ledge} potted plants on each of the {num_ledges} window ledges of her large country home. Feeling generous, she has decided that she will give {plants_to_give} potted plant from each ledge to friends and family tomorrow. How many potted plants will {name} remain with?");
    let cot = fstr!("Yesterday, before receiving the plants, {name} had {num_ledges}*{plants_per_ledge} = {initial_plants} potted plants\nAfter receiving an additional {plants_received} plants, she therefore had a total of {initial_plants} + {plants_received} = {total_plants} potted plants\nTomorrow, {name}'s plant giveaway will be {num_ledges}*{plants_to_give} = {plants_given} potted plants.\nShe will therefore remain with {total_plants} - {plants_given} = {remaining_plants} potted plants.\n#### {remaining_plants}");
    example(
        question,
        remaining_plants.into(),
        cot,
        vars!({
            "name": name, "plants_received": plants_received,
            "plants_per_ledge": plants_per_ledge, "num_ledges": num_ledges,
            "plants_to_give": plants_to_give, "initial_plants": initial_plants,
            "total_plants": total_plants, "plants_given": plants_given,
            "remaining_plants": remaining_plants,
        }),
    )
}

fn generate_8(rng: &mut Random) -> Result<Example> {
    let name = pick(
        rng,
        &[
            "Emma",
            "Olivia",
            "Ava",
            "Isabella",
            "Sophia",
            "Mia",
            "Charlotte",
        ],
    )?;
    let drink = pick(rng, &["coffee", "tea"])?;
    let sugar_ratio = rng.randint(25, 201)?;
    let water_ratio = rng.randint(5, 101)?;
    let total_ratio = sugar_ratio + water_ratio;
    let num_multiples = rng.randint(1, 10)?;
    let total_items = total_ratio * num_multiples;

    let sugar_amount = (sugar_ratio * total_items).div_euclid(total_ratio);
    let question = fstr!("{name} makes {drink} using teaspoons of sugar and cups of water in the ratio of {sugar_ratio}:{water_ratio}. If she used a total of {total_items} teaspoons of sugar and cups of water, calculate the number of teaspoonfuls of sugar she used.");
    let cot = fstr!("The total ratio representing the ingredients she used to make the {drink} is {sugar_ratio}+{water_ratio} = {total_ratio}\nSince the fraction representing the number of teaspoons she used is {sugar_ratio}/{total_ratio}, she used {sugar_ratio}/{total_ratio}*{total_items} = {sugar_amount}\n#### {sugar_amount}");
    example(
        question,
        sugar_amount.into(),
        cot,
        vars!({
            "name": name, "drink": drink, "sugar_ratio": sugar_ratio,
            "water_ratio": water_ratio, "total_items": total_items,
            "sugar_amount": sugar_amount,
        }),
    )
}

fn generate_9(rng: &mut Random) -> Result<Example> {
    let name = pick(
        rng,
        &[
            "Craig", "John", "Michael", "David", "James", "Robert", "William",
        ],
    )?;
    let item1 = pick(
        rng,
        &[
            "toy car",
            "action figure",
            "coloring book",
            "puzzle",
            "board game",
        ],
    )?;
    let item2 = pick(
        rng,
        &["sticker", "candy bar", "trading card", "pencil", "eraser"],
    )?;
    let currency = pick(rng, &["$", "€", "£"])?;
    let bill_value = *rng.choice(&[5i64, 10, 20, 50, 100])?;
    let num_bills = rng.randint(1, 10)?.max(2);
    let total_money = num_bills * bill_value;
    let max_price1 = 10.min(total_money.div_euclid(8));
    let max_price2 = 10.min(total_money.div_euclid(8));
    let price1 = max_price1.min(total_money.div_euclid(6)).max(1);
    let price2 = max_price2.min(total_money.div_euclid(6)).max(1);
    let max_items1 = 15.min((total_money / 2).div_euclid(price1)).max(3);
    let num_items1 = rng.randint(2, max_items1)?;
    let remaining_money = total_money - num_items1 * price1;
    let max_items2 = 10.min(remaining_money.div_euclid(price2));
    let max_items2 = max_items2.min(remaining_money.div_euclid(price2)).max(3);
    let num_items2 = rng.randint(2, max_items2)?;

    let initial_amount = num_bills * bill_value;
    let spent_items1 = num_items1 * price1;
    let spent_items2 = num_items2 * price2;
    let total_spent = spent_items1 + spent_items2;
    let remaining = initial_amount - total_spent;
    let c = currency;
    let question = fstr!("{name} has {num_bills} {c}{bill_value} bills. He buys {num_items1} {item1}s for {c}{price1} each. He also buys {num_items2} packs of {item2}s for {c}{price2} each. How much money does he have left?");
    let cot = fstr!(
        "{name} starts off with {num_bills} * {c}{bill_value} = {c}{initial_amount}.\n\
         {name} spends {num_items1} {item1}s * {c}{price1} = {c}{spent_items1} on {item1}s.\n\
         {name} spends {num_items2} packs of {item2}s * {c}{price2} = {c}{spent_items2} on {item2}s.\n\
         Total {name} has spent {c}{spent_items1} + {c}{spent_items2} = {c}{total_spent}.\n\
         {name} has {c}{initial_amount} - {c}{total_spent} = {c}{remaining} remaining.\n#### {remaining}"
    );
    example(
        question,
        remaining.into(),
        cot,
        vars!({
            "name": name, "num_bills": num_bills, "bill_value": bill_value,
            "num_items1": num_items1, "price1": price1, "num_items2": num_items2,
            "price2": price2, "item1": item1, "item2": item2, "currency": currency,
            "initial_amount": initial_amount, "total_spent": total_spent,
        }),
    )
}

fn generate_10(rng: &mut Random) -> Result<Example> {
    let name1 = pick(
        rng,
        &[
            "James", "John", "Robert", "Michael", "William", "David", "Richard",
        ],
    )?;
    let name2 = pick(
        rng,
        &[
            "Mary",
            "Patricia",
            "Jennifer",
            "Linda",
            "Elizabeth",
            "Barbara",
            "Susan",
        ],
    )?;
    let relation_type = pick(rng, &["sister", "cousin"])?;
    let mut age1 = rng.randint(8, 25)?;
    let mut years = rng.randint(2, 10)?;
    let mut mult = rng.randint(2, 5)?;
    while age1 * mult - years <= 0 {
        age1 = rng.randint(8, 25)?;
        years = rng.randint(2, 10)?;
        mult = rng.randint(2, 5)?;
    }

    let future_age = age1 * mult;
    let current_age = future_age - years;
    let question = fstr!("{name1} is {age1} years old. In {years} years his {relation_type} {name2} will be {mult} times as old as {name1} is now. How old is {name2} right now?");
    let cot = fstr!("{years} years from now {name2} will be {age1}*{mult}={future_age}.\nRight now {name2} is {future_age}-{years}={current_age} years old.\n#### {current_age}");
    example(
        question,
        current_age.into(),
        cot,
        vars!({
            "name1": name1, "name2": name2, "age1": age1, "years": years,
            "relation_type": relation_type, "mult": mult, "future_age": future_age,
            "current_age": current_age,
        }),
    )
}

fn generate_11(rng: &mut Random) -> Result<Example> {
    let name = pick(
        rng,
        &[
            "Allan", "John", "Michael", "David", "James", "Robert", "William",
        ],
    )?;
    let foods = [
        "corn",
        "apple",
        "banana",
        "orange",
        "pear",
        "grape",
        "fig",
        "persimmon",
        "plum",
        "kiwi",
    ];
    let pair = rng.sample(&foods, 2)?;
    let (food1, food2) = (pair[0], pair[1]);
    let mult = rng.randint(2, 4)?;
    let n = rng.randint(20, 100)?;
    let m = rng.randint(30, 100)?;
    let k = rng.randint(10, m.min(50))?;

    let initial_food2 = n;
    let initial_food1 = n * mult;
    let initial_total = initial_food1 + initial_food2;
    let bought_food2 = m;
    let bought_food1 = m - k;
    let bought_total = bought_food1 + bought_food2;
    let final_food1 = initial_food1 + bought_food1;
    let final_food2 = initial_food2 + bought_food2;
    let final_total = final_food1 + final_food2;
    let question = fstr!(
        "At {name}'s house, there is {mult} times as much {food1} as {food2}. \
         He has a total of {n} {food2} in his house. \
         At the store, {name} bought {m} {food2}. He also bought some {food1}, \
         but he bought {k} fewer {food1} than the {m} {food2} he just bought. \
         What is the combined total of {food1} and {food2} that {name} now has in the house?"
    );
    let cot = fstr!(
        "Let's solve this step by step:\n\n\
         1. Initial amounts:\n   \u{2022} {name} has {n} {food2}\n   \u{2022} He has {mult} times as many {food1}, so {n} \u{d7} {mult} = {initial_food1} {food1}\n   \u{2022} Total initial items: {initial_food1} + {n} = {initial_total}\n\n\
         2. Bought at store:\n   \u{2022} Bought {m} new {food2}\n   \u{2022} For {food1}, bought {k} fewer than the {m} {food2}, so {m} - {k} = {bought_food1} {food1}\n   \u{2022} Total bought items: {bought_food1} + {m} = {bought_total}\n\n\
         3. Final amounts:\n   \u{2022} Total {food1}: {initial_food1} + {bought_food1} = {final_food1}\n   \u{2022} Total {food2}: {initial_food2} + {bought_food2} = {final_food2}\n   \u{2022} Combined total: {final_food1} + {final_food2} = {final_total}\n\n\
         Therefore, {name} now has {final_total} items in total.\n#### {final_total}"
    );
    example(
        question,
        final_total.into(),
        cot,
        vars!({
            "name": name, "food1": food1, "food2": food2, "multiplier": mult,
            "initial_amount": n, "bought_amount": m, "difference": k,
            "initial_total": initial_total, "bought_total": bought_total,
            "final_total": final_total,
        }),
    )
}

fn generate_12(rng: &mut Random) -> Result<Example> {
    let name = pick(
        rng,
        &[
            "Emma",
            "Olivia",
            "Ava",
            "Isabella",
            "Sophia",
            "Mia",
            "Charlotte",
        ],
    )?;
    let games = [
        "word puzzle",
        "jigsaw puzzle",
        "chess puzzle",
        "riddle",
        "brain teaser",
    ];
    let pair = rng.sample(&games, 2)?;
    let (game1, game2) = (pair[0], pair[1]);
    let period = pick(
        rng,
        &["weekend", "vacation", "holiday", "day off", "free time"],
    )?;
    let mut time1 = rng.randint(5, 30)?;
    let mut time2 = rng.randint(3, 20)?;
    while time2 >= time1 {
        time1 = rng.randint(5, 30)?;
        time2 = rng.randint(3, 20)?;
    }
    let num1 = rng.randint(2, 10)?;
    let num2 = rng.randint(4, 15)?;

    let total_time1 = time1 * num1;
    let total_time2 = time2 * num2;
    let total_time = total_time1 + total_time2;
    let question = fstr!("It takes {name} {time1} minutes to finish a {game1} and {time2} minutes to finish a {game2}. Over the {period} she solved {num1} {game1}s and {num2} {game2}s. How much time did she spend playing these games?");
    let cot = fstr!(
        "It takes {time1} minutes to complete a {game1} and she completed {num1} for a total of {time1}*{num1} = {total_time1} minutes\n\
         It takes {time2} minutes to complete a {game2} and she completed {num2} for a total of {time2}*{num2} = {total_time2} minutes\n\
         She spent {total_time1} minutes on {game1}s and {total_time2} minutes on {game2}s for a total of {total_time1}+{total_time2} = {total_time} minutes\n\
         #### {total_time}"
    );
    example(
        question,
        total_time.into(),
        cot,
        vars!({
            "name": name, "game1": game1, "game2": game2, "period": period,
            "time1": time1, "time2": time2, "num1": num1, "num2": num2,
            "total_time1": total_time1, "total_time2": total_time2,
        }),
    )
}

fn generate_13(rng: &mut Random) -> Result<Example> {
    let park_name = pick(
        rng,
        &[
            "Splash World",
            "Aqua Adventure",
            "Water Wonderland",
            "Neptunes Kingdom",
        ],
    )?;
    let unit = pick(rng, &["yards", "meters"])?;
    let speed1 = 5 * rng.randint(8, 12)?;
    let min_speed2 = (speed1 / 5 + 2) * 5;
    let max_speed2 = 80;
    let speed2 = 5 * rng.randint(min_speed2 / 5, max_speed2 / 5)?;
    let time2 = rng.randint(3, 5)?;
    let time1 = time2 + rng.randint(1, 2)?;
    let length2 = speed2 * time2;
    let mut length1 = speed1 * time1;
    if length1 <= length2 {
        length1 = speed1 * (time1 + 1);
    }

    let time1 = length1.div_euclid(speed1);
    let time2 = length2.div_euclid(speed2);
    let time_diff = time1 - time2;
    let question = fstr!("The biggest waterslide at {park_name} is {length1} {unit} long, and people slide down at {speed1} {unit}/minute. The second biggest waterslide is {length2} {unit} long, but steeper, so people slide down at {speed2} {unit}/minute. How much longer does it take to ride the biggest slide compared to the second biggest slide?");
    let cot = fstr!("First find the ride length of the biggest slide: {length1} {unit} / {speed1} {unit}/minute = {time1} minutes\nThen find the ride length of the second biggest slide: {length2} {unit} / {speed2} {unit}/minute = {time2} minutes\nThen subtract the ride length of the second longest slide from the longest slide to find the difference: {time1} minutes - {time2} minutes = {time_diff} minutes\n#### {time_diff}");
    example(
        question,
        time_diff.into(),
        cot,
        vars!({
            "park_name": park_name, "unit": unit, "length1": length1, "length2": length2,
            "speed1": speed1, "speed2": speed2, "time1": time1, "time2": time2,
        }),
    )
}

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

fn generate_14(rng: &mut Random) -> Result<Example> {
    let name = pick(
        rng,
        &[
            "Peter", "John", "Michael", "David", "James", "Robert", "William",
        ],
    )?;
    let days = rng.sample(&WEEKDAYS, 3)?;
    let (day1, day2, day3) = (days[0], days[1], days[2]);
    let mult = *rng.choice(&[2i64, 3, 4])?;
    // `int((14 * 60) / mult) - 1`
    let max_total_time = (840.0 / mult as f64) as i64 - 1;
    let max_individual_time = 60.min(max_total_time.div_euclid(2));
    let min_time = 10;
    let (time1, time2) = if max_individual_time <= min_time {
        (min_time, min_time)
    } else {
        let time1 = rng.randint(min_time, max_individual_time)?;
        let time2 = rng.randint(min_time, max_individual_time.min(max_total_time - time1))?;
        (time1, time2)
    };

    let combined_time = time1 + time2;
    let target_time = combined_time * mult;
    let question = fstr!("On {day3}, {name} wants to exercise for {mult} the amount of time he did on {day2} and {day1} combined. On {day1} he exercised for {time1} minutes. On {day2} he exercised for {time2} minutes. How many minutes does he have to exercise on {day3} to reach his goal?");
    let cot = fstr!("On {day1} and {day2} he exercised a total of {combined_time} minutes because {time1} + {time2} = {combined_time}\nOn {day3} he has to exercise for {target_time} minutes because {combined_time} x {mult} = {target_time}\n#### {target_time}");
    example(
        question,
        target_time.into(),
        cot,
        vars!({
            "name": name, "day1": day1, "day2": day2, "day3": day3, "time1": time1,
            "time2": time2, "multiplier": mult, "combined_time": combined_time,
            "target_time": target_time,
        }),
    )
}

fn generate_15(rng: &mut Random) -> Result<Example> {
    let name = pick(
        rng,
        &[
            "Emma",
            "Olivia",
            "Ava",
            "Isabella",
            "Sophia",
            "Mia",
            "Charlotte",
            "Amelia",
        ],
    )?;
    let sport = pick(
        rng,
        &["swimming", "cycling", "basketball", "soccer", "volleyball"],
    )?;
    let item1 = pick(rng, &["t-shirt", "jersey", "sports bra"])?;
    let item2 = pick(rng, &["shorts", "leggings", "sweatpants"])?;
    let item3 = pick(rng, &["sneakers", "cleats", "athletic shoes"])?;
    let item4 = pick(rng, &["socks", "headbands", "wristbands"])?;
    let c = pick(rng, &["$", "€", "£"])?;
    let price1 = rng.randint(8, 25)?;
    let price2 = rng.randint(3, 15)?;
    let price4 = rng.randint(5, 15)?;
    let discount = rng.randint(1, 5.min(price4))?;
    let price3 = rng.randint(30, 80)? / 2 * 2;

    let shorts_price = price1 + price2;
    let shoes_price = price3 / 2;
    let socks_price = price4 - discount;
    let total = price1 + shorts_price + shoes_price + socks_price;
    // The reference writes the shoes' price with a literal `$`.
    let question = fstr!("{name} qualified for a spot on the {sport} team, so she went shopping for some athletic gear. She bought a {item1} for {c}{price1}, a pair of {sport} {item2} for {c}{price2} more than the {item1} cost, and a pair of {item3} that were originally {c}{price3} but were on sale for half price. She had a coupon for {c}{discount} off the package of {c}{price4} athletic {item4} that she also bought. How much did she spend on athletic gear?");
    let cot = fstr!("The {item2} were {c}{price2} more than the {item1}, so they cost {c}{price2} + {c}{price1} = {c}{shorts_price}.\nHer {item3} were half the original {c}{price3} price, so they cost {c}{price3} / 2 = ${shoes_price}.\nWith her coupon, the {item4} were {c}{price4} - {c}{discount} = {c}{socks_price}.\nThe {item1}, {item2}, {item3}, and {item4} together cost {c}{price1} + {c}{shorts_price} + {c}{shoes_price} + {c}{socks_price} = {c}{total}.\n#### {total}");
    example(
        question,
        total.into(),
        cot,
        vars!({
            "name": name, "sport": sport, "item1": item1, "item2": item2, "item3": item3,
            "item4": item4, "currency": c, "price1": price1, "price2": price2,
            "price3": price3, "price4": price4, "discount": discount,
        }),
    )
}

fn generate_16(rng: &mut Random) -> Result<Example> {
    let names = [
        "Charlie", "Dorothy", "James", "Sarah", "Michael", "Emily", "David",
    ];
    let three = rng.sample(&names, 3)?;
    let (name1, name2, name3) = (three[0], three[1], three[2]);
    let platform = pick(
        rng,
        &["Instagram", "Twitter", "LinkedIn", "TikTok", "Snapchat"],
    )?;
    let mult1 = rng.randint(2, 5)?;
    let mut mult2 = rng.randint(2, 5)?;
    while mult2 == mult1 {
        mult2 = rng.randint(2, 5)?;
    }
    let base = rng.randint(4, 20)?;
    let n = base * mult1;

    let base_friends = n.div_euclid(mult1);
    let james_friends = base_friends * mult2;
    let question = fstr!("{name1} has {mult1} times as many {platform} friends as {name2}. {name3} has {mult2} times as many friends on {platform} as {name2}. If {name1} has {n} friends on {platform}, how many {platform} friends does {name3} have?");
    let cot = fstr!("{name2} has {n} / {mult1} = {base_friends} {platform} friends.\n{name3} has {mult2} * {base_friends} = {james_friends} {platform} friends.\n#### {james_friends}");
    example(
        question,
        james_friends.into(),
        cot,
        vars!({
            "name1": name1, "name2": name2, "name3": name3, "platform": platform,
            "mult1": mult1, "mult2": mult2, "base_friends": base_friends,
            "charlie_friends": n, "james_friends": james_friends,
        }),
    )
}

fn generate_17(rng: &mut Random) -> Result<Example> {
    let facility = pick(
        rng,
        &["hospital", "clinic", "medical center", "care facility"],
    )?;
    let item = pick(rng, &["bed", "room", "ward"])?;
    let event = pick(
        rng,
        &[
            "flu season",
            "natural disaster",
            "major accident",
            "pandemic",
        ],
    )?;
    // `Fraction(1, d)`, d drawn from 5, 4, 3, 2.
    let den = *rng.choice(&[5i64, 4, 3, 2])?;
    let total = den * 100 * rng.randint(5, 15)?;
    // `total * (1 - frac)`, exact.
    let remaining_num = total * (den - 1);
    let mut period = rng.randint(2, 4)?;
    // `int(remaining_capacity / (period * 7))`, a positive Fraction truncated.
    let mut max_daily = remaining_num / (den * period * 7) / 5 * 5;
    if max_daily <= 20 {
        period = 2;
        max_daily = remaining_num / (den * period * 7) / 5 * 5;
    }
    let daily = 5 * rng.randint(4, max_daily / 5)?;

    let frac = fstr!("1/{den}");
    let initial_occupied = total / den;
    let initial_empty = total - initial_occupied;
    let weekly_admitted = daily * 7;
    let total_admitted = weekly_admitted * period;
    let final_empty = initial_empty - total_admitted;
    let question = fstr!("A {facility} has a capacity of {total} {item}s with {frac} occupied. Due to the {event}, {daily} patients are admitted into the {facility} each day. Calculate the total number of unoccupied {item}s in the {facility} after {period} weeks.");
    let cot = fstr!("If {frac} of the total capacity of the {facility} {item}s is occupied, it means {frac} * {total} = {initial_occupied} {item}s have patients using them.\nThe total number of {item}s in the {facility} without new admissions is {total} {item}s - {initial_occupied} {item}s = {initial_empty} {item}s.\nIf {daily} people are admitted each day, the total number of patients in the {facility} after one week is {daily} patients/day * 7 days/week = {weekly_admitted} patients.\nAfter {period} weeks, the total number of patients admitted into the {facility} is {weekly_admitted} patients/week * {period} weeks = {total_admitted} patients, who each use one {item}.\nIf there were {initial_empty} unoccupied {item}s in the {facility} before the new admissions, the total number is reduced to {initial_empty} {item}s - {total_admitted} {item}s = {final_empty} unoccupied {item}s.\n#### {final_empty}");
    example(
        question,
        final_empty.into(),
        cot,
        vars!({
            "facility": facility, "total_capacity": total, "item": item,
            "initial_fraction": frac, "event": event, "daily_patients": daily,
            "period_weeks": period, "initial_occupied": initial_occupied,
            "initial_empty": initial_empty, "total_admitted": total_admitted,
        }),
    )
}

fn generate_18(rng: &mut Random) -> Result<Example> {
    let names = [
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
    ];
    let pair = rng.sample(&names, 2)?;
    let (name1, name2) = (pair[0], pair[1]);
    let game = pick(
        rng,
        &["bowling", "darts", "archery", "basketball", "tennis"],
    )?;
    let frac = *rng.choice(&[0.5f64])?;
    let mut n1 = rng.randint(200, 500)?;
    let n2 = rng.randint(5, 50)?;
    while (frac * n1 as f64).fract() != 0.0 {
        n1 = rng.randint(200, 500)?;
    }

    let score2 = (frac * n1 as f64 + n2 as f64) as i64;
    let total = n1 + score2;
    // `{frac:.0%}`
    let percent = fstr!("{}%", pycompat::format_fixed(frac * 100.0, 0));
    let question = fstr!("{name1} scored {n1} points in one game of {game}. {name2} scored {n2} more than {percent} as many as {name1}. How many points did {name1} and {name2} have in total?");
    let cot = fstr!("{name1} = {n1} points\n{name2} = {} * {n1} + {n2} = {score2} points\n{n1} + {score2} = {total} points\nTogether, {name1} and {name2} scored {total} points.\n#### {total}", fr(frac));
    example(
        question,
        total.into(),
        cot,
        vars!({
            "name1": name1, "name2": name2, "game": game, "score1": n1, "bonus": n2,
            "fraction": frac, "score2": score2, "total_score": total,
        }),
    )
}

fn generate_19(rng: &mut Random) -> Result<Example> {
    let name = pick(
        rng,
        &[
            "Garrett", "James", "Michael", "David", "John", "Robert", "William",
        ],
    )?;
    let pan = pick(rng, &["pan", "pot", "skillet"])?;
    let initial_kernels = rng.randrange_step(10, 101, 10)?;
    let time_interval = rng.randrange_step(10, 31, 2)?;
    let multiplier_2 = rng.randint(2, 5)?;
    let multiplier_3 = loop {
        let m = rng.randint(multiplier_2 + 1, 8)?;
        if (m * initial_kernels) % 8 == 0 {
            break m;
        }
    };

    let second_interval = multiplier_2 * initial_kernels;
    let third_interval = multiplier_3 * initial_kernels;
    let fourth_interval = third_interval / 2;
    let residual = fourth_interval / 4;
    let total = initial_kernels + second_interval + third_interval + fourth_interval + residual;
    let t = time_interval;
    let question = fstr!("{name} is popping popcorn for a snack. As the {pan} of kernels heats up, the kernels start popping faster. {initial_kernels} pop in the first {t} seconds of cooking, then {multiplier_2} times that amount in the next {t} seconds. The kernels increase to {multiplier_3} times the initial popping rate in the next {t} seconds, but in the final {t} seconds, the popping slows down to half the rate as the past {t} seconds. After {name} takes the {pan} off the heat, a quarter of the number of kernels that popped in the final {t} seconds of cooking also pop from the residual heat. How many pieces of popcorn does {name} have to eat?");
    let cot = fstr!("In the second {t} seconds of cooking, {multiplier_2} * {initial_kernels} = {second_interval} kernels pop.\nIn the third {t} seconds, {multiplier_3} * {initial_kernels} = {third_interval} kernels pop.\nIn the final {t} seconds, {third_interval} / 2 = {fourth_interval} kernels pop.\nAfter cooking, the residual heat makes {fourth_interval} / 4 = {residual} kernels pop.\nThus, {name} has {initial_kernels} + {second_interval} + {third_interval} + {fourth_interval} + {residual} = {total} pieces of popcorn to eat.\n#### {total}");
    example(
        question,
        total.into(),
        cot,
        vars!({
            "name": name, "pan": pan, "initial_kernels": initial_kernels,
            "time_interval": time_interval, "multiplier_2": multiplier_2,
            "multiplier_3": multiplier_3, "second_interval": second_interval,
            "third_interval": third_interval, "fourth_interval": fourth_interval,
            "residual": residual, "total": total,
        }),
    )
}

fn generate_20(rng: &mut Random) -> Result<Example> {
    let name = pick(
        rng,
        &[
            "James", "John", "Robert", "Michael", "William", "David", "Richard",
        ],
    )?;
    let obj = pick(rng, &["olive", "almond", "cookie", "cracker", "banana"])?;
    let surface = pick(rng, &["plate", "table", "bowl", "tray", "basket"])?;
    let capacity = rng.randint(20, 51)?;
    let num_trays = rng.randint(2, 7)?;
    let max_capacity = capacity * num_trays;
    let total = max_capacity + rng.randint(1, 20)?;

    let leftover = total - max_capacity;
    let question = fstr!("{name} places {obj}s on the {surface}. Each {surface} can hold {capacity} {obj}s. If he has {total} {obj}s and {num_trays} {surface}s, how many {obj}s won't he be able to place on the {surface}?");
    let cot = fstr!("{name} will be able to place a total of {capacity} x {num_trays} = {max_capacity} {obj}s.\nTherefore, there are {total} - {max_capacity} = {leftover} {obj}s that he won't be able to place on the {surface}.\n#### {leftover}");
    example(
        question,
        leftover.into(),
        cot,
        vars!({
            "name": name, "obj": obj, "surface": surface, "capacity_per_tray": capacity,
            "total_items": total, "num_trays": num_trays, "max_capacity": max_capacity,
            "leftover": leftover,
        }),
    )
}

fn generate_21(rng: &mut Random) -> Result<Example> {
    let name = pick(
        rng,
        &[
            "Emma",
            "Olivia",
            "Ava",
            "Isabella",
            "Sophia",
            "Mia",
            "Charlotte",
        ],
    )?;
    let unit = pick(rng, &["feet", "meters"])?;
    let c = pick(rng, &["$", "£", "€"])?;
    let space = *rng.choice(&[1.25f64, 1.5, 1.75, 2.0])?;
    let plants = rng.randint(80, 120)?;
    let length = plants as f64 * space;
    let owned = rng.randint(10, (plants - 1).min(30))?;
    let cost = rng.randint(3, 8)?;
    let plant_width = rng.randint(2, 8)?;

    let total_plants = (length / space) as i64;
    let plants_to_buy = total_plants - owned;
    let total_cost = plants_to_buy * cost;
    let (length_s, space_s) = (fr(length), fr(space));
    let question = fstr!(
        "{name} has a flower bed that is {length_s} {unit} long. \
         {name} wants to fill her flower bed with plants. \
         Each plant, including the space it needs around it, requires {space_s} {unit} of space. \
         {name} already owns {owned} flowers. \
         Each flowering plant costs {c}{cost} at the store, how much money will {name} spend \
         at the store to fill up her flower bed?"
    );
    let cot = fstr!(
        "Let's solve this step by step:\n\n\
         1. Calculate how many plants fit in the flower bed:\n   - Each plant needs {space_s} {unit} of total space\n   - The flower bed is {length_s} {unit} long\n   - So {length_s} {unit} / {space_s} {unit} per plant = {total_plants} plants total\n\n\
         2. Calculate how many plants need to be bought:\n   - {name} already has {owned} plants\n   - So {total_plants} plants needed - {owned} owned = {plants_to_buy} plants to buy\n\n\
         3. Calculate total cost:\n   - {plants_to_buy} plants \u{d7} {c}{cost} per plant = {c}{total_cost}\n\n#### {total_cost}"
    );
    example(
        question,
        total_cost.into(),
        cot,
        vars!({
            "name": name, "bed_length": length, "unit": unit, "plant_width": plant_width,
            "plant_spacing": space, "owned_plants": owned, "currency": c,
            "cost_per_plant": cost, "total_plants": total_plants,
            "plants_to_buy": plants_to_buy,
        }),
    )
}

fn generate_22(rng: &mut Random) -> Result<Example> {
    let name = pick(rng, &["Mrs. Smith", "Ms. Johnson", "Dr. Patel", "Mrs. Lee"])?;
    let property_type = pick(rng, &["house", "apartment", "condo", "townhouse"])?;
    let budget = rng.randrange_step(300_000, 500_000, 10_000)?;
    let mut price = rng.randrange_step(250_000, budget, 10_000)?;
    let brokerage_fee = rng.randint(3, 8)?;
    let transfer_fee = rng.randint(10, 15)?;
    loop {
        let total_cost =
            price as f64 * (1.0 + brokerage_fee as f64 / 100.0 + transfer_fee as f64 / 100.0);
        if total_cost > (budget + 1) as f64
            && price * brokerage_fee % 100 == 0
            && price * transfer_fee % 100 == 0
        {
            break;
        }
        price = rng.randrange_step(250_000, budget, 10_000)?;
    }

    let brokerage_amount = ((price * brokerage_fee) as f64 / 100.0) as i64;
    let transfer_amount = ((price * transfer_fee) as f64 / 100.0) as i64;
    let total_price = price + brokerage_amount + transfer_amount;
    let difference = total_price - budget;
    let (b, p, ba, ta, tp, d) = (
        commas(budget),
        commas(price),
        commas(brokerage_amount),
        commas(transfer_amount),
        commas(total_price),
        commas(difference),
    );
    let question = fstr!("{name} is looking for a {property_type} that will not go beyond her ${b} budget. She saw a property that has a selling price of ${p}. On top of that, the buyer has to pay a brokerage fee which is {brokerage_fee}% of the selling price, and also the transfer fee that is {transfer_fee}% of the selling price. How much more is the total price of the {property_type} than {name}'s budget?");
    let cot = fstr!("The brokerage fee is ${p} x {brokerage_fee}/100 = ${ba}.\nThe transfer fee is ${p} x {transfer_fee}/100 = ${ta}.\nThe total price of the {property_type} is ${p} + ${ba} + ${ta} = ${tp}.\nSo, it is ${tp} - ${b} = ${d} more than {name}'s budget.\n#### {difference}");
    example(
        question,
        difference.into(),
        cot,
        vars!({
            "name": name, "property_type": property_type, "budget": budget, "price": price,
            "brokerage_fee": brokerage_fee, "transfer_fee": transfer_fee,
            "brokerage_amount": brokerage_amount, "transfer_amount": transfer_amount,
            "total_price": total_price,
        }),
    )
}

fn generate_23(rng: &mut Random) -> Result<Example> {
    let name = pick(
        rng,
        &[
            "Emma", "Sophia", "Isabella", "Olivia", "Ava", "Mia", "Emily",
        ],
    )?;
    let task = pick(
        rng,
        &[
            "her taxes",
            "her financial planning",
            "her business accounting",
        ],
    )?;
    let profession = pick(
        rng,
        &[
            "accountant",
            "financial advisor",
            "tax consultant",
            "bookkeeper",
        ],
    )?;
    let work_type = pick(rng, &["freelance", "consulting", "part-time", "contract"])?;
    let c = pick(rng, &["$", "€", "£"])?;
    let mut hours = rng.randint(4, 14)?;
    let mut rate = rng.randint(20, 100)?;
    let mut fee = rng.randint(50, 200)?;
    while hours * rate <= fee {
        hours = rng.randint(4, 14)?;
        rate = rng.randint(20, 100)?;
        fee = rng.randint(50, 200)?;
    }

    let lost_income = hours * rate;
    let savings = lost_income - fee;
    let question = fstr!("{name} is trying to decide whether to do {task} herself or hire an {profession}. If she does it herself, she'll be able to do {hours} fewer hours of {work_type} work, losing {c}{rate}/hour in missed income. The {profession} charges {c}{fee}. How much more money will she have if she hires the {profession}?");
    let cot = fstr!("First find the total lost revenue if {name} does {task} herself: {c}{rate}/hour * {hours} hours = {c}{lost_income}\nThen subtract the {profession}'s charge to find how much money {name} saves: {c}{lost_income} - {c}{fee} = {c}{savings}\n#### {savings}");
    example(
        question,
        savings.into(),
        cot,
        vars!({
            "name": name, "task": task, "profession": profession, "hours": hours,
            "work_type": work_type, "hourly_rate": rate, "fee": fee, "currency": c,
            "lost_income": lost_income,
        }),
    )
}

fn generate_24(rng: &mut Random) -> Result<Example> {
    let comet_name = pick(rng, &["Halley", "Hale-Bopp", "Hyakutake", "Encke"])?;
    let name = pick(
        rng,
        &["William", "James", "John", "Robert", "Michael", "David"],
    )?;
    let relative = pick(rng, &["dad", "father", "uncle", "grandfather"])?;
    let multiple = match pick(rng, &["two", "three", "four"])? {
        "two" => 2,
        "three" => 3,
        _ => 4,
    };
    let mut orbit_period = rng.randrange_step(50, 101, 5)?;
    let min_age = 20.max((orbit_period + 1) / multiple);
    let max_age = 51.min(99 / multiple);
    let relative_age = if min_age <= max_age {
        rng.randint(min_age, max_age)?
    } else {
        orbit_period = min_age * multiple - 1;
        min_age
    };

    let second_viewing_age = relative_age * multiple;
    let first_viewing_age = second_viewing_age - orbit_period;
    let question = fstr!("Comet {comet_name} orbits the sun every {orbit_period} years. {name}'s {relative} saw the Comet when he was {relative_age} years old. {name} saw the comet a second time when he was {multiple} times the age his {relative} was when he saw the Comet. How old was {name} when he saw the Comet for the first time?");
    let cot = fstr!("{name} saw the Comet for the second time when he was {relative_age} years * {multiple}= {second_viewing_age} years old.\nComet {comet_name} can be seen every {orbit_period} years, so {name} saw the comet for the first time when he was {second_viewing_age} years - {orbit_period} years = {first_viewing_age} years old.\n#### {first_viewing_age}");
    example(
        question,
        first_viewing_age.into(),
        cot,
        vars!({
            "comet_name": comet_name, "name": name, "relative": relative,
            "orbit_period": orbit_period, "relative_age": relative_age,
            "multiple": multiple, "second_viewing_age": second_viewing_age,
            "first_viewing_age": first_viewing_age,
        }),
    )
}

fn generate_25(rng: &mut Random) -> Result<Example> {
    let food = pick(rng, &["popcorn", "breads", "cookies"])?;
    let unit = pick(rng, &["grams", "ounces", "oz"])?;
    let servings = rng.randint(4, 6)?;
    let base_size = rng.randint(4, 12)?;
    let size = base_size * servings;
    let calories = 25 * rng.randint(6, 16)?;
    let consumed = 25 * rng.randint(24, 60)?;
    let required_multiplier = rng.randint(1, 3)?;
    let calories_needed = required_multiplier * calories;
    let mut total_target = consumed + calories_needed;
    if total_target < 1900 {
        total_target = 1900 + (calories_needed - (1900 - total_target));
    }
    let total_target = 5 * total_target.div_euclid(5);

    let calories_left = total_target - consumed;
    let serving_fraction = fraction_str(calories_left, calories);
    let grams_per_serving = size / servings;
    // `grams_per_serving * Fraction(calories_left, calories)`
    let grams_allowed = fraction_str(grams_per_serving * calories_left, calories);
    let grams = (grams_per_serving * calories_left) as f64 / calories as f64;
    let question = fstr!("According to its nutritional info, a bag of {food} has {calories} calories per serving. If a {size} {unit} bag has {servings} servings, how many {unit} can you eat if your daily calorie target is {total_target} and you have already consumed {consumed} calories?");
    let cot = fstr!(
        "If the total calorie target is {total_target} and I have consumed {consumed} calories then I have {total_target}-{consumed} = {calories_left} calories left to eat\n\
         If each serving of {food} has {calories} calories and I only have {calories_left} calories left to eat, then I can only eat {calories_left}/{calories} of a serving = {serving_fraction} of a serving\n\
         We also know that a {size} {unit} bag of {food} has {servings} servings, hence each serving has {size} {unit}/{servings} = {grams_per_serving} {unit}\n\
         If I can only eat {serving_fraction} of a serving, then I can eat only {grams_per_serving} * {serving_fraction} = {grams_allowed} {unit}\n\
         #### {}",
        fr(grams)
    );
    example(
        question,
        grams.into(),
        cot,
        vars!({
            "food": food, "calories": calories, "size": size, "servings": servings,
            "total_target": total_target, "consumed": consumed, "unit": unit,
            "calories_left": calories_left, "grams_per_serving": grams_per_serving,
            "serving_fraction": serving_fraction,
        }),
    )
}

fn generate_26(rng: &mut Random) -> Result<Example> {
    let ball_type = pick(rng, &["golf", "tennis"])?;
    let color = pick(rng, &["blue", "red", "green", "yellow", "white"])?;
    let fractions = [0.5f64, 0.25, 0.75];
    let frac_1 = *rng.choice(&fractions)?;
    let frac_2 = *rng.choice(&fractions)?;
    let mut n = rng.randint(10, 100)?;
    while (n as f64 * frac_1).fract() != 0.0 || (n as f64 * frac_1 * frac_2).fract() != 0.0 {
        n = rng.randint(10, 100)?;
    }

    let first_calc = (n as f64 * frac_1) as i64;
    let final_calc = (first_calc as f64 * frac_2) as i64;
    let question = fstr!("A juggler can juggle {n} balls. {} of the balls are {ball_type} balls, and {} of the {ball_type} balls are {color}. How many {color} {ball_type} balls are there?", percent0(frac_1), percent0(frac_2));
    let cot = fstr!("{ball_type} balls:{n} * {}={first_calc}\n{color} {ball_type} balls:{first_calc}*{}={final_calc} balls\n#### {final_calc}", fr(frac_1), fr(frac_2));
    example(
        question,
        final_calc.into(),
        cot,
        vars!({
            "total_balls": n, "ball_type": ball_type, "color": color,
            "fraction_first": frac_1, "fraction_second": frac_2,
            "first_calculation": first_calc, "final_calculation": final_calc,
        }),
    )
}

fn generate_27(rng: &mut Random) -> Result<Example> {
    let name = pick(
        rng,
        &["John", "Michael", "David", "James", "Robert", "William"],
    )?;
    let c = pick(rng, &["$", "£", "€"])?;
    let n = rng.randint(3, 8)?;
    let n_first = n - 1;
    let mut apartments = rng.randrange_step(100, 500, 50)?;
    let mut percent = rng.randrange_step(20, 81, 5)?;
    let freq = rng.randint(2, 6)?;
    let rate = *rng.choice(&[0.25f64, 0.30, 0.35, 0.40, 0.45, 0.50])?;
    while ((n - 1) * apartments * percent) as f64 / 100.0 % 1.0 != 0.0 {
        apartments = rng.randrange_step(100, 500, 50)?;
        percent = rng.randrange_step(20, 81, 5)?;
    }

    let first_two = n_first * apartments;
    let third_complex = ((first_two * percent) as f64 / 100.0) as i64;
    let total_apartments = first_two + third_complex + first_two;
    let weekly_visits = total_apartments * freq;
    let weekly_earnings = pycompat::round_ndigits(weekly_visits as f64 * rate, 2);
    let rate_s = pycompat::format_fixed(rate, 2);
    let earnings = fr(weekly_earnings);
    let both = first_two + third_complex;
    let question = fstr!("{name} collects garbage from {n} different apartment complexes. The first {n_first} have {apartments} apartments each and the last one is {percent}% bigger than the other {n_first} combined. {name} collects garbage {freq} times a week from each place and he gets paid {c}{rate_s} per collection for each apartment. How much money does he make in a week?");
    let cot = fstr!(
        "The first {n_first} complexes have {first_two} apartments\n\
         The third one has {first_two}*{}={third_complex} more apartments than those {n_first} combined\n\
         So in total, it has {first_two}+{third_complex}={both} apartments\n\
         So he goes to {both}+{first_two}={total_apartments} apartments each time\n\
         That means he visits {total_apartments}*{freq}={weekly_visits} apartments every week\n\
         So he makes {weekly_visits}*{c}{rate_s}={c}{earnings} every week\n\
         #### {earnings}",
        fr(percent as f64 / 100.0)
    );
    example(
        question,
        weekly_earnings.into(),
        cot,
        vars!({
            "name": name, "num_complexes": n, "first_complexes": n_first,
            "apartments_per_complex": apartments, "percent_increase": percent,
            "collections_per_week": freq, "rate_per_apartment": rate, "currency": c,
            "total_apartments": total_apartments, "weekly_visits": weekly_visits,
        }),
    )
}

fn generate_28(rng: &mut Random) -> Result<Example> {
    let name = pick(
        rng,
        &[
            "John", "Michael", "David", "James", "Robert", "William", "Richard", "Thomas",
        ],
    )?;
    let item = pick(rng, &["tea", "sugar", "flour", "rice"])?;
    let c = pick(rng, &["$", "£", "€"])?;
    let unit = pick(rng, &["kilogram", "kg"])?;
    let extra_item = pick(rng, &["cookie", "muffin", "bagel"])?;
    let mut price = rng.randint(3, 25)?;
    let percent = rng.randint(2, 10)? * 5;
    let usage = rng.randint(1, 3)?;
    let extra_price = rng.randint(1, 5)?;
    while ((price * percent) as f64 / 100.0).fract() != 0.0 {
        price = rng.randint(3, 25)?;
    }

    let price_increase = (price * percent) as f64 / 100.0;
    let new_price = price as f64 + price_increase;
    let weekly_usage = usage * 7;
    let coffee_cost = new_price * weekly_usage as f64;
    let total_cost = coffee_cost + extra_price as f64;
    let (pi, np, cc, tc) = (
        fr(price_increase),
        fr(new_price),
        fr(coffee_cost),
        fr(total_cost),
    );
    let question = fstr!("{name} goes to the store to buy some {item}. The normal brand of {item} he buys costs {c}{price} per {unit}. He had to buy a more expensive brand that costs {percent}% more since his favorite brand was sold out. He decides to buy a week's worth of {item} and he uses {usage} {unit} of {item} per day. He also decided to buy himself a {extra_item} for {c}{extra_price}. How much did everything cost?");
    let cot = fstr!("The {item} he bought was {price}*{}={pi} more expensive per {unit} than what he normally buys\nSo it cost {price}+{pi}={np} per {unit}\nHe goes through {usage}*7={weekly_usage} {unit}s of {item} a week\nSo he paid {np}*{weekly_usage}={cc} on {item}\nThat means his total bill was {cc}+{extra_price}={tc}\n#### {}", fr(percent as f64 / 100.0), total_cost as i64);
    example(
        question,
        (total_cost as i64).into(),
        cot,
        vars!({
            "name": name, "item": item, "base_price": price, "percent_increase": percent,
            "usage_per_day": usage, "extra_item": extra_item, "extra_price": extra_price,
            "currency": c, "unit": unit, "weekly_usage": weekly_usage,
            "total_cost": total_cost,
        }),
    )
}

fn generate_29(rng: &mut Random) -> Result<Example> {
    let names = [
        "Jennifer",
        "Michael",
        "Christopher",
        "Jessica",
        "Matthew",
        "Ashley",
        "Joshua",
        "Amanda",
        "Daniel",
        "David",
        "James",
        "Robert",
        "John",
        "Joseph",
    ];
    let pair = rng.sample(&names, 2)?;
    let (name1, name2) = (pair[0], pair[1]);
    let k1 = 10 * rng.randint(17, 25)?;
    let k2 = 10 * rng.randint(12, 15)?;
    let total_k = k1 + k2;
    let min_total_n = 1350.max(total_k * 3);
    let max_total_n = 1700;
    let mut min_multiplier = (min_total_n + total_k - 1) / total_k;
    let mut max_multiplier = max_total_n / total_k;
    if max_multiplier < min_multiplier {
        min_multiplier = 3;
        max_multiplier = 4;
    }
    let multiplier = rng.randint(min_multiplier, max_multiplier)?;
    let total_n = total_k * multiplier;
    let min_n1 = 950.max(total_n / 2);
    let max_n1 = 1050.min(total_n - 400);
    let n1 = if min_n1 >= max_n1 {
        total_n / 2 + 50
    } else {
        5 * rng.randint(min_n1 / 5, max_n1 / 5)?
    };
    let n2 = total_n - n1;

    let total_puppies = n1 + n2;
    let spotted = k1 + k2;
    let percentage = ((100 * spotted) as f64 / total_puppies as f64) as i64;
    let question = fstr!("{name1}'s dog has {n1} puppies, {k1} of which have spots. {name2}'s dog has {n2} puppies, {k2} of which have spots. What percentage of all the puppies have spots?");
    let cot = fstr!(
        "First find the total number of puppies: {n1} puppies + {n2} puppies = {total_puppies} puppies\n\
         Then find the total number of puppies with spots: {k1} puppies + {k2} puppies = {spotted} puppies\n\
         Then divide the number of spotted puppies by the total number of puppies and multiply by 100% to find the percentage of puppies with spots: {spotted} puppies / {total_puppies} puppies * 100% = {percentage}%\n\
         #### {percentage}"
    );
    example(
        question,
        percentage.into(),
        cot,
        vars!({
            "name1": name1, "name2": name2, "puppies1": n1, "puppies2": n2,
            "spotted1": k1, "spotted2": k2, "total_puppies": total_puppies,
            "total_spotted": spotted,
        }),
    )
}

fn generate_30(rng: &mut Random) -> Result<Example> {
    let group = pick(rng, &["group", "class"])?;
    let hobbies = [
        "read",
        "paint",
        "hike",
        "dance",
        "bake",
        "play video games",
        "play music",
    ];
    let hobby2 = pick(
        rng,
        &["basketball", "soccer", "tennis", "baseball", "volleyball"],
    )?;
    let others: Vec<&str> = hobbies.iter().copied().filter(|&h| h != hobby2).collect();
    let three = rng.sample(&others, 3)?;
    let (hobby1, hobby3, hobby4) = (three[0], three[1], three[2]);
    let mut n = rng.randint(20, 200)?;
    let mut n_2 = rng.randint(2, n / 6)?;
    let mut n_1 = rng.randint(2, n / 3)?;
    while n_1 + 3 * n_2 >= n {
        n = rng.randint(20, 200)?;
        n_2 = rng.randint(2, n / 6)?;
        n_1 = rng.randint(2, n / 3)?;
    }

    let n_4 = 2 * n_2;
    let n_3 = n - (n_1 + n_2 + n_4);
    let question = fstr!("A {group} of {n} students has various hobbies. {n_1} like to {hobby1}, {n_2} like to play {hobby2}, and the rest like to either {hobby3} or {hobby4}. How many like to {hobby3} if the number that like to {hobby4} is twice the number that prefer playing {hobby2}?");
    let cot = fstr!("The number of students that like to {hobby4} is twice as many as the number who like {hobby2}, so 2 * {n_2} = {n_4}\nThe number that like to {hobby3} is {n} total students - {n_1} {hobby1} - {n_2} {hobby2} - {n_4} {hobby4} = {n_3}\n#### {n_3}");
    example(
        question,
        n_3.into(),
        cot,
        vars!({
            "group_type": group, "total_students": n, "hobby1_count": n_1,
            "hobby2_count": n_2, "hobby3_count": n_3, "hobby4_count": n_4,
            "hobby1": hobby1, "hobby2": hobby2, "hobby3": hobby3, "hobby4": hobby4,
        }),
    )
}

fn generate_31(rng: &mut Random) -> Result<Example> {
    let name = pick(
        rng,
        &[
            "Emma",
            "Olivia",
            "Ava",
            "Isabella",
            "Sophia",
            "Mia",
            "Charlotte",
            "Doxa",
        ],
    )?;
    let fruit = pick(rng, &["orange", "pear", "peach", "mango", "kiwi", "apple"])?;
    let pair = rng.sample(&["brother", "sister", "cousin", "friend"], 2)?;
    let (sibling1, sibling2) = (pair[0], pair[1]);
    let (min_n1, min_n2, max_n2, min_n3, max_n3) = (3, 5, 13, 3, 14);
    let min_total = 3 * min_n1 + 2 * min_n2 + min_n3;
    let total = rng.randint(min_total, 33)?;
    let n1 = min_n1;
    let mut remaining = total - 3 * n1;
    let max_possible_n2 = max_n2.min(remaining.div_euclid(2));
    let n2 = rng.randint(min_n2, min_n2.max(max_possible_n2))?;
    remaining -= 2 * n2;
    let max_possible_n3 = max_n3.min(remaining);
    let n3 = rng.randint(min_n3, min_n3.max(max_possible_n3))?;

    let slice2 = n1 + n2;
    let slice3 = slice2 + n3;
    let total_eaten = n1 + slice2 + slice3;
    let question = fstr!("{name} sliced an {fruit} into {total} pieces. She ate {n1} slice, her {sibling1} ate {n2} more than her, and her {sibling2} ate {n3} more than her {sibling1}. How many slices of {fruit} did they all eat?");
    let cot = fstr!("Her {sibling1} ate {n1} + {n2} = {slice2} slices.\nHer {sibling2} ate {slice2} + {n3} = {slice3} slices.\nThey ate a total of {n1} + {slice2} + {slice3} = {total_eaten} slices.\n#### {total_eaten}");
    example(
        question,
        total_eaten.into(),
        cot,
        vars!({
            "name": name, "fruit": fruit, "total_slices": total, "first_person_slices": n1,
            "second_person_extra": n2, "third_person_extra": n3, "sibling1": sibling1,
            "sibling2": sibling2, "total_eaten": total_eaten,
        }),
    )
}

fn generate_33(rng: &mut Random) -> Result<Example> {
    let names = [
        "Julie",
        "Sarah",
        "Emma",
        "Sophia",
        "Olivia",
        "Isabella",
        "Mia",
        "Charlotte",
    ];
    let pair = rng.sample(&names, 2)?;
    let (name1, name2) = (pair[0], pair[1]);
    let mult = *rng.choice(&[2i64, 3, 4])?;
    let valid_n: Vec<i64> = (30..=100).filter(|n| (n * (1 + mult)) % 7 == 0).collect();
    let n = if valid_n.is_empty() {
        30 / 7 * 7 + 7
    } else {
        *rng.choice(&valid_n)?
    };

    let n_mult = n * mult;
    let daily_total = n + n_mult;
    let weekly_total = daily_total * 7;
    let question = fstr!("{name1} operates the cash register exactly {mult} times as fast as her less-experienced colleague {name2}. Daily, {name2} processes {n} customers. What is the total weekly production for the two if they work all days of the week?");
    let cot = fstr!(
        "While {name2} is processing {n} orders in a day, {name1} processes {n} orders/day * {mult} = {n_mult} orders/day.\n\
         In a day, they process {n_mult} orders/day + {n} orders/day = {daily_total} orders together.\n\
         The total number of orders the two processes in a week is {daily_total} orders/day * 7 days/week = {weekly_total} orders\n\
         #### {weekly_total}"
    );
    example(
        question,
        weekly_total.into(),
        cot,
        vars!({
            "name1": name1, "name2": name2, "multiplier": mult, "base_rate": n,
            "fast_rate": n_mult, "daily_total": daily_total, "weekly_total": weekly_total,
        }),
    )
}

fn generate_34(rng: &mut Random) -> Result<Example> {
    let event = pick(
        rng,
        &[
            "Halloween candy hunt",
            "Treasure hunt",
            "Scavenger hunt",
            "Charity fundraiser",
        ],
    )?;
    let item = pick(
        rng,
        &[
            "eggs", "treats", "toys", "coins", "tokens", "balls", "candies", "goodies",
        ],
    )?;
    let family = pick(
        rng,
        &[
            "Johnson",
            "Williams",
            "Mirzakhani",
            "Lopez",
            "Garcia",
            "Lee",
        ],
    )?;
    let total = rng.randrange_step(50, 201, 10)?;
    let mut n = rng.randint(10, 51)?;
    let mut m = rng.randint(5, 21)?;
    while 2 * n + m >= total {
        n = rng.randint(10, 51)?;
        m = rng.randint(5, 21)?;
    }

    let twins_total = 2 * n;
    let remaining = total - twins_total;
    let friends_found = remaining - m;
    let question = fstr!("The {event} team hid {total} {item}. The {family} twins each found {n} {item}. All the other {item} except {m} were found by their friends. How many {item} did the friends find?");
    let cot = fstr!("The {family} twins found, {n} * 2 = {twins_total} {item}.\nThe number that remained hidden was {total} - {twins_total} = {remaining} {item}\nSince {m} {item} were not found, this means the friends found {remaining} - {m} = {friends_found} {item}\n#### {friends_found}");
    example(
        question,
        friends_found.into(),
        cot,
        vars!({
            "event": event, "item": item, "family": family, "items_per_twin": n,
            "unfound_items": m, "total_items": total, "twins_total": twins_total,
            "friends_found": friends_found,
        }),
    )
}

fn generate_36(rng: &mut Random) -> Result<Example> {
    let subjects = [
        "history",
        "geography",
        "biology",
        "chemistry",
        "physics",
        "economics",
        "literature",
        "algebra",
        "geometry",
    ];
    let whole = |x: f64| x.fract() == 0.0;
    let (n, p1, r1) = loop {
        let n = rng.randrange_step(10, 151, 10)?;
        let p1 = rng.randrange_step(5, 71, 5)?;
        let r1 = rng.randrange_step(5, 101, 5)?;
        let (nf, pf, rf) = (n as f64, p1 as f64 / 100.0, r1 as f64 / 100.0);
        if whole(nf * pf) && whole(nf * pf * rf) && whole(nf * (1.0 - pf) * 0.5) {
            break (n, p1, r1);
        }
    };
    let name = pick(
        rng,
        &[
            "Emma",
            "Sophia",
            "Olivia",
            "Ava",
            "Isabella",
            "Mia",
            "Charlotte",
        ],
    )?;
    let three = rng.sample(&subjects, 3)?;
    let (s1, s2, s3) = (three[0], three[1], three[2]);

    let (nf, pf, rf) = (n as f64, p1 as f64 / 100.0, r1 as f64 / 100.0);
    let easy_questions = (nf * pf) as i64;
    let other_questions = (nf * (1.0 - pf)) as i64;
    let easy_correct = (easy_questions as f64 * rf) as i64;
    let other_correct = (other_questions as f64 * 0.5) as i64;
    let total_correct = easy_correct + other_correct;
    let rest = 100 - p1;
    let question = fstr!("In a {n}-item quiz, {p1}% of the questions are {s1}, and the rest are equally divided as {s2} and {s3} questions. If {name} is sure to get {r1}% of the {s1} questions, and half of the {s2} and {s3} questions correctly, how many points is she sure to get?");
    let cot = fstr!(
        "The {s2} and {s3} questions comprises 100% - {p1}% = {rest}% of the quiz.\n\
         There are {n} questions x {p1}/100 = {easy_questions} {s1} questions.\n\
         There are a total of {n} questions x {rest}/100 = {other_questions} {s2} and {s3} questions.\n\
         If {name} is sure to get {r1}% of the {s1} questions, then this means she is sure of her {easy_questions} questions x {r1}/100 = {easy_correct} points.\n\
         From the {s2} and {s3} questions, she is sure to get half of it correctly so that is {other_questions} questions * 0.5 = {other_correct} points.\n\
         Thus, she is sure of getting {easy_correct} points + {other_correct} points = {total_correct} points in her quiz.\n#### {total_correct}"
    );
    example(
        question,
        total_correct.into(),
        cot,
        vars!({
            "total_questions": n, "easy_percent": p1, "easy_correct_percent": r1,
            "student_name": name, "easy_subject": s1, "medium_subject": s2,
            "hard_subject": s3, "easy_questions": easy_questions,
            "other_questions": other_questions, "easy_correct": easy_correct,
            "other_correct": other_correct,
        }),
    )
}

fn generate_38(rng: &mut Random) -> Result<Example> {
    let name = pick(
        rng,
        &[
            "Martha",
            "Mary",
            "Elizabeth",
            "Susan",
            "Margaret",
            "Patricia",
        ],
    )?;
    let clothing = [
        "sweater", "shawl", "hat", "cardigan", "poncho", "vest", "beanie", "tunic",
    ];
    let accessories = ["mittens", "booties", "socks", "leg warmers", "gloves"];
    let (child_type, count) = *rng.choice(&[
        ("twins", 2i64),
        ("triplets", 3),
        ("quadruplets", 4),
        ("quintuplets", 5),
    ])?;
    let three = rng.sample(&clothing, 3)?;
    let (item1, item2, item3) = (three[0], three[1], three[2]);
    let pair = rng.sample(&accessories, 2)?;
    let (item4, item5) = (pair[0], pair[1]);
    let n1 = rng.randint(3, 19)?;
    let n2 = rng.randint(3, 19)?;
    let n3 = rng.randint(3, 19)?;
    let n4 = rng.randint(3, 19)?;
    let n5 = rng.randint(3, 19)?;

    let skeins_per_child = n1 + n2 + n3 + n4 + n5;
    let total_skeins = count * skeins_per_child;
    let question = fstr!("{name} is knitting winter wear for her {count} grandchildren. They're {child_type}, so they're all the same size. She wants to make a {item1}, {item2}, {item3}, {item4}, and {item5} for each of them. It takes {n1} skeins of wool to make a {item1}, {n2} for a {item2}, {n3} for a {item3}, {n4} for a pair of {item4}, and {n5} for a pair of {item5}. How many skeins of wool will she need to buy?");
    let cot = fstr!("A full outfit for each child will require {n1} skeins per {item1} + {n2} skeins per {item2} + {n3} skeins per {item3} + {n4} skeins per pair of {item4} + {n5} skeins per pair of {item5} = {skeins_per_child} skeins of wool.\nSo to knit outfits for all of her grandchildren, she will need {count} * {skeins_per_child} = {total_skeins} skeins of wool.\n#### {total_skeins}");
    example(
        question,
        total_skeins.into(),
        cot,
        vars!({
            "name": name, "count": count, "child_type": child_type,
            "items": [item1, item2, item3, item4, item5],
            "skeins_per_item": [n1, n2, n3, n4, n5],
            "skeins_per_child": skeins_per_child, "total_skeins": total_skeins,
        }),
    )
}

fn generate_39(rng: &mut Random) -> Result<Example> {
    let school_name = pick(
        rng,
        &["Maple Grove", "Sunny Hill", "Oak Ridge", "Pine Valley"],
    )?;
    let grade = pick(rng, &["first", "second", "third", "fourth", "fifth"])?;
    let day = pick(
        rng,
        &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
    )?;
    let total = rng.randint(40, 150)?;
    let num_girls = rng.randint(20, total - 20)?;
    let num_boys = total - num_girls;
    let max_absent_girls = (num_girls / 4).min(10).min(8);
    let max_absent_boys = (num_boys / 4).min(10).min(8);
    let absent_girls = rng.randint(2, 3.max(max_absent_girls))?;
    let absent_boys = rng.randint(2, 3.max(max_absent_boys))?;

    let remaining_boys = num_boys - absent_boys;
    let question = fstr!("There are {total} {grade}-graders at {school_name} School. {num_girls} of them are girls. On {day}, {absent_girls} {grade}-grade girls and {absent_boys} {grade}-grade boys were absent. How many {grade} grade boys were at {school_name} School on {day}?");
    let cot = fstr!("Of the {total} {grade} graders, {num_girls} are girls, so {total} students - {num_girls} girls = {num_boys} boys.\nOn {day} there were {num_boys} boys - {absent_boys} absent = {remaining_boys} boys.\n#### {remaining_boys}");
    example(
        question,
        remaining_boys.into(),
        cot,
        vars!({
            "total_students": total, "grade": grade, "school_name": school_name,
            "num_girls": num_girls, "num_boys": num_boys, "day": day,
            "absent_girls": absent_girls, "absent_boys": absent_boys,
            "remaining_boys": remaining_boys,
        }),
    )
}

fn generate_40(rng: &mut Random) -> Result<Example> {
    let item = pick(rng, &["magician", "artist", "chef", "scientist", "athlete"])?;
    let colors = ["red", "blue", "green", "yellow", "purple", "orange"];
    let three = rng.sample(&colors, 3)?;
    let (c1, c2, c3) = (three[0], three[1], three[2]);
    let mut n1 = 0;
    let mut factors: Vec<i64> = Vec::new();
    for _ in 0..100 {
        n1 = rng.randint(20, 81)?;
        factors = (20..=90).filter(|p| (p * n1) % 100 == 0).collect();
        if !factors.is_empty() {
            break;
        }
    }
    if factors.is_empty() {
        return Err(DatasetError::Generation(
            "Could not find valid factors after maximum attempts".into(),
        ));
    }
    let p = *rng.choice(&factors)?;

    let more_cards = (p as f64 / 100.0 * n1 as f64) as i64;
    let n2 = n1 + more_cards;
    let n3 = n1 + n2;
    let total = n3 + n3;
    let question = fstr!("In a set of {item}'s cards, there are {n1} {c1} cards, and {p}% more {c2} cards. {c3} cards are as many as the sum of {c1} and {c2} cards. How many cards of all mentioned colors are there?");
    let cot = fstr!(
        "There are {p}/100 * {n1} = {more_cards} more {c2} cards than {c1} cards.\n\
         Which means there are {n1} + {more_cards} = {n2} {c2} cards.\n\
         {c3} cards make up to {n1} + {n2} = {n3} cards.\n\
         So in total, there are {n3} + {n3} = {total} cards of different colors.\n\
         #### {total}"
    );
    example(
        question,
        total.into(),
        cot,
        vars!({
            "item": item, "n1": n1, "c1": c1, "c2": c2, "c3": c3, "p": p,
            "more_cards": more_cards, "total": total,
        }),
    )
}

fn generate_41(rng: &mut Random) -> Result<Example> {
    let name = pick(
        rng,
        &[
            "John", "Michael", "David", "James", "William", "Robert", "Joseph",
        ],
    )?;
    let event = pick(
        rng,
        &[
            "field trip",
            "sports tournament",
            "conference",
            "music festival",
            "science fair",
        ],
    )?;
    let organization = pick(
        rng,
        &[
            "school",
            "community center",
            "local charity",
            "youth club",
            "parent association",
        ],
    )?;
    let c = pick(rng, &["$", "€", "£"])?;
    // "half", "1/2" and "one-half" all become "1/2" (`convert_fraction_word`).
    pick(rng, &["half", "1/2", "one-half"])?;
    let fraction = "1/2";
    // `int(total * Fraction(1, 2))`
    let half = |total: i64| total / 2;
    // `int((org_contribution + 60) * 1.5)`
    let widen = |org: i64| ((org + 60) as f64 * 1.5) as i64;
    let mut total = rng.randrange_step(200, 1000, 10)?;
    let mut org = half(total);
    let mut max_current = total - org - 50;
    if max_current < 10 {
        total = widen(org);
        org = half(total);
        max_current = total - org - 50;
    }
    let mut current = rng.randrange_step(10, 200.min(max_current), 5)?;
    while total % 2 != 0 || org + current >= total {
        total = rng.randrange_step(200, 1000, 10)?;
        org = half(total);
        max_current = total - org - 50;
        if max_current < 10 {
            total = widen(org);
            org = half(total);
            max_current = total - org - 50;
        }
        current = rng.randrange_step(10, 200.min(max_current), 5)?;
    }

    let org_amount = half(total);
    let covered_amount = org_amount + current;
    let missing_amount = total - covered_amount;
    let question = fstr!("{name} is raising money for a {event}. He has applied for help from the {organization}, which has decided to cover {fraction} of the cost of the {event}. How much money is {name} missing if he has {c}{current} and the {event} costs {c}{total}?");
    let cot = fstr!("{name}'s {organization} has decided to pay {total} * {fraction} = {c}{org_amount} for his {event}.\nIn total {name} has covered {org_amount} + {current} = {c}{covered_amount} for his {event}\nTherefore, {name} needs {total} - {covered_amount} = {c}{missing_amount} more for the {event}.\n#### {missing_amount}");
    example(
        question,
        missing_amount.into(),
        cot,
        vars!({
            "name": name, "event": event, "organization": organization,
            "fraction": fraction, "current_amount": current, "total_cost": total,
            "currency": c, "org_contribution": org_amount,
            "covered_amount": covered_amount,
        }),
    )
}

fn generate_42(rng: &mut Random) -> Result<Example> {
    let title = pick(rng, &["Mr.", "Prof.", "Dr."])?;
    let name = pick(
        rng,
        &[
            "Smith",
            "Johnson",
            "Williams",
            "Brown",
            "Jones",
            "Garcia",
            "Miller",
            "Davis",
            "Rodriguez",
            "Martinez",
        ],
    )?;
    let property_type = pick(rng, &["house", "apartment", "condo", "villa", "cottage"])?;
    let fee1_name = pick(rng, &["transfer", "registration", "legal"])?;
    let fee2_name = pick(rng, &["brokerage", "agent", "realtor"])?;
    let fee1_percent = rng.randint(1, 5)?;
    let fee2_percent = rng.randint(2, 7)?;
    let total_fee_percent = fee1_percent + fee2_percent;
    let loan = 10_000 * rng.randint(10, 700_000 / 10_000)?;
    let min_price_from_loan = loan + 100_000;
    let min_price_from_fees =
        ((loan + 1000) as f64 / (1.0 - total_fee_percent as f64 / 100.0)) as i64;
    let mut min_price = 200_000.max(min_price_from_loan).max(min_price_from_fees);
    let mut max_price = 1_000_000;
    if max_price <= min_price {
        max_price = min_price + 500_000;
    }
    min_price = 10_000 * (min_price / 10_000);
    max_price = 10_000 * (max_price / 10_000);
    let price = 10_000 * rng.randint(min_price / 10_000, max_price / 10_000)?;

    let fee1_amount = price * fee1_percent / 100;
    let fee2_amount = price * fee2_percent / 100;
    let total_fees = fee1_amount + fee2_amount + loan;
    let net_proceeds = price - total_fees;
    let question = fstr!("{title} {name} sold his {property_type} for ${price}. He paid the {fee1_name} fees that amount to {fee1_percent}% of the selling price and also paid a {fee2_name} fee that is {fee2_percent}% of the selling price. If he also paid ${loan} for the remaining loan amount of the {property_type}, how much is {title} {name}'s net proceeds from selling the {property_type}?");
    let cot = fstr!(
        "{title} {name} paid ${price} x {fee1_percent}/100 = ${fee1_amount} for the {fee1_name} fees.\n\
         He paid ${price} x {fee2_percent}/100 = ${fee2_amount} for the {fee2_name} fee.\n\
         So, {title} {name} paid a total of ${fee1_amount} + ${fee2_amount} + ${loan} = ${total_fees} for the {fee1_name}, {fee2_name}, and loan fees.\n\
         Hence, {title} {name}'s net proceeds is ${price} - ${total_fees} = ${net_proceeds}.\n#### {net_proceeds}"
    );
    example(
        question,
        net_proceeds.into(),
        cot,
        vars!({
            "title": title, "name": name, "property_type": property_type, "price": price,
            "fee1_name": fee1_name, "fee1_percent": fee1_percent, "fee2_name": fee2_name,
            "fee2_percent": fee2_percent, "loan": loan, "fee1_amount": fee1_amount,
            "fee2_amount": fee2_amount, "total_fees": total_fees,
            "net_proceeds": net_proceeds,
        }),
    )
}

fn generate_43(rng: &mut Random) -> Result<Example> {
    let person1 = pick(rng, &["student", "boy", "child", "kid"])?;
    let item = pick(rng, &["marble", "sticker", "toy", "book", "pencil"])?;
    let relation = pick(rng, &["sister", "brother", "friend", "cousin"])?;
    let n = rng.randint(5, 21)?;
    let k = rng.randint(2, (n - 1).min(10))?;

    let other_amount = n - k;
    let total = n + other_amount;
    let question = fstr!("A {person1} has {n} {item}s. His {relation} has {k} fewer {item}s than he has. How many {item}s do they have together?");
    let cot = fstr!("His {relation} has {n} - {k} = {other_amount} {item}s.\nTogether, they have {n} + {other_amount} = {total} {item}s.\n#### {total}");
    example(
        question,
        total.into(),
        cot,
        vars!({
            "person1": person1, "item": item, "first_amount": n, "relation": relation,
            "difference": k, "second_amount": other_amount, "total": total,
        }),
    )
}

fn generate_44(rng: &mut Random) -> Result<Example> {
    let store = pick(rng, &["store", "shop", "market", "warehouse"])?;
    let colors = ["red", "blue", "green", "yellow", "purple", "orange", "pink"];
    let three = rng.sample(&colors, 3)?;
    let (color1, color2, color3) = (three[0], three[1], three[2]);
    let c = pick(rng, &["$", "€", "£"])?;
    let n1 = rng.randint(3, 20)?;
    let n2 = rng.randint(5, 30)?;
    let n3 = rng.randint(15, 50)?;
    let p1 = rng.randint(5, 15)?;
    let p2 = rng.randint(3, 10)?;
    let p3 = rng.randint(2, 8)?;

    let (total1, total2, total3) = (n1 * p1, n2 * p2, n3 * p3);
    let grand_total = total1 + total2 + total3;
    let question = fstr!("There are currently {n1} {color1} balls, {n2} {color2} balls, and {n3} {color3} balls in the {store}. {color1} balls cost {c}{p1}, {color2} balls cost {c}{p2} and {color3} balls cost {c}{p3}. How much will the {store} have received after all the balls are sold?");
    let cot = fstr!("For the {color1} balls, {n1} balls * {c}{p1}/ball = {c}{total1}.\nFor the {color2} balls, {n2} balls * {c}{p2}/ball = {c}{total2}.\nFor the {color3} balls, {n3} balls * {c}{p3}/ball = {c}{total3}.\nFor all balls, {c}{total1} + {c}{total2} + {c}{total3} = {c}{grand_total}.\n#### {grand_total}");
    example(
        question,
        grand_total.into(),
        cot,
        vars!({
            "store": store, "colors": [color1, color2, color3], "quantities": [n1, n2, n3],
            "prices": [p1, p2, p3], "currency": c, "subtotals": [total1, total2, total3],
            "total": grand_total,
        }),
    )
}

fn generate_45(rng: &mut Random) -> Result<Example> {
    let name = pick(
        rng,
        &[
            "Emma",
            "Olivia",
            "Sophia",
            "Isabella",
            "Ava",
            "Mia",
            "Charlotte",
        ],
    )?;
    let event = pick(
        rng,
        &[
            "lunch party",
            "birthday party",
            "potluck party",
            "baby shower",
            "game night",
        ],
    )?;
    let food = pick(
        rng,
        &[
            "roast chicken",
            "grilled salmon",
            "beef stew",
            "vegetable lasagna",
            "stuffed peppers",
            "shrimp scampi",
            "creme brulee",
        ],
    )?;
    let obj = pick(rng, &["spoons", "forks", "plates"])?;
    let package_husband = rng.randint(5, 20)?;
    let package_size = rng.randint(10, 30)?;
    let mut total_items = package_size + package_husband;
    let mut used_items = rng.randint(3, (total_items - 1).min(10))?;
    let mut total_remaining = total_items - used_items;
    while total_remaining <= 0 {
        let package_size = rng.randint(10, 30)?;
        total_items = package_size + package_husband;
        used_items = rng.randint(3, (total_items - 1).min(10))?;
        total_remaining = total_items - used_items;
    }

    let total_items = total_remaining + used_items;
    let package_size = total_items - package_husband;
    let question = fstr!("{name} was preparing for a {event} at her house, where she intended to serve {food}. She noticed that she was out of plastic {obj}, so she bought a new package of {obj}. Later, her husband also bought a package of {package_husband} new {obj} and gave them to {name}. While {name} was making the {food}, she used {used_items} of the {obj} to sample her {food}. Later, when she went to set the table, she had a total of {total_remaining} {obj}. How many {obj} were in the package that {name} bought?");
    let cot = fstr!("The total number of {obj} from {name} and her husband was {total_remaining}+{used_items}={total_items} {obj}.\nSince the husband bought a package of {package_husband} {obj}, then {name}'s package contained {total_items}-{package_husband}={package_size} {obj}.\n#### {package_size}");
    example(
        question,
        package_size.into(),
        cot,
        vars!({
            "name": name, "event": event, "food": food, "obj": obj,
            "husband_package": package_husband, "used_items": used_items,
            "remaining": total_remaining, "total": total_items, "package_size": package_size,
        }),
    )
}

fn generate_46(rng: &mut Random) -> Result<Example> {
    let fruits = ["apple", "grape", "mango", "peach", "lemon"];
    let pair = rng.sample(&fruits, 2)?;
    let (fruit1, fruit2) = (pair[0], pair[1]);
    // The values of {"two-thirds": 2/3, "three-fifths": 3/5, "three-quarters": 3/4,
    // "one-half": 1/2, "four-fifths": 4/5}, in that order.
    let fractions = [2.0 / 3.0, 3.0 / 5.0, 3.0 / 4.0, 1.0 / 2.0, 4.0 / 5.0];
    let frac1: f64 = *rng.choice(&fractions)?;
    let frac2: f64 = *rng.choice(&fractions)?;
    let mut n1 = rng.randint(9, 21)?;
    let mut n2 = rng.randint(12, 31)?;
    let mut spill = rng.randint(3, 7.min(n1))?;
    let whole = |x: f64| x.fract() == 0.0;
    while !(n1 + n2 - spill > 0 && whole(n2 as f64 * frac2) && whole((n1 - spill) as f64 * frac1)) {
        n1 = rng.randint(9, 21)?;
        n2 = rng.randint(12, 31)?;
        spill = rng.randint(3, 7.min(n1))?;
    }
    let total = n1 + n2 - spill;

    let n1_after_spill = n1 - spill;
    let water_fruit1 = n1_after_spill as f64 * frac1;
    let water_fruit2 = n2 as f64 * frac2;
    let total_water = water_fruit1 + water_fruit2;
    let (f1, f2, w1, w2, tw) = (
        fr(frac1),
        fr(frac2),
        fr(water_fruit1),
        fr(water_fruit2),
        fr(total_water),
    );
    let question = fstr!("I have {n1} liters of {fruit1} drink that are {f1} water and I wish to add it to {n2} liters of {fruit2} drink that is {f2} water. But as I pour it, I spill {spill} liter of the {fruit1} drink. How much water is in the remaining {total} liters?");
    let cot = fstr!("There are {n2} x {f2} = {w2} liters of water from the {n2} liters {fruit2} drink.\nAfter {spill} liter of {fruit1} drink was spilled, there were {n1} - {spill} = {n1_after_spill} liters of {fruit1} drink left.\nOut of the {n1_after_spill} liters, {n1_after_spill} x {f1} = {w1} liters are water.\nThus, there are a total of {w2} + {w1} = {tw} liters of water out of the {total} liters.\n#### {}", total_water as i64);
    example(
        question,
        (total_water as i64).into(),
        cot,
        vars!({
            "fruit1": fruit1, "fruit2": fruit2, "initial_amount1": n1,
            "initial_amount2": n2, "water_fraction1": frac1, "water_fraction2": frac2,
            "spilled_amount": spill, "total_volume": total, "water_content1": water_fruit1,
            "water_content2": water_fruit2,
        }),
    )
}

fn generate_47(rng: &mut Random) -> Result<Example> {
    let name = pick(
        rng,
        &[
            "John", "Michael", "David", "James", "William", "Robert", "Thomas",
        ],
    )?;
    let items = [
        "notebooks",
        "pencils",
        "erasers",
        "crayons",
        "colored pencils",
        "markers",
        "rulers",
        "folders",
    ];
    let pair = rng.sample(&items, 2)?;
    let (obj1, obj2) = (pair[0], pair[1]);
    let c = pick(rng, &["$", "€", "£"])?;
    // `round(rng.uniform(a, b) * 4) / 4`: to the nearest quarter, ties to even.
    let quarter =
        |rng: &mut Random, a: f64, b: f64| (rng.uniform(a, b) * 4.0).round_ties_even() / 4.0;
    let n1 = rng.randrange_step(6, 25, 2)?;
    let mut c1 = quarter(rng, 2.25, 11.5);
    let n2 = rng.randrange_step(4, 15, 2)?;
    let mut c2 = quarter(rng, 8.25, 19.5);
    let c3 = rng.randint(10, 25)?;
    while (n1 as f64 * c1).fract() != 0.0 || (n2 as f64 * c2).fract() != 0.0 {
        c1 = quarter(rng, 2.25, 11.5);
        c2 = quarter(rng, 8.25, 19.5);
    }

    let cost1 = n1 as f64 * c1;
    let cost2 = n2 as f64 * c2;
    let total_cost = cost1 + cost2 + c3 as f64;
    let (c1s, c2s) = (fr(c1), fr(c2));
    let (k1, k2, kt) = (cost1 as i64, cost2 as i64, total_cost as i64);
    let question = fstr!("{name} went to buy some school supplies. He bought {n1} {obj1} which cost {c}{c1s} each, {n2} {obj2} which cost {c}{c2s} each, and a rim of bond paper which cost {c}{c3}. How much did {name} spend on everything?");
    let cot = fstr!(
        "{name} spent {n1} x {c}{c1s} = {c}{k1} for the {obj1}.\n\
         He also spent {n2} x {c}{c2s} = {c}{k2} for the {obj2}.\n\
         Therefore, {name} spent a total of {c}{k1} + {c}{k2} + {c}{c3} = {c}{kt} for the school supplies.\n\
         #### {kt}"
    );
    example(
        question,
        kt.into(),
        cot,
        vars!({
            "name": name, "items1_count": n1, "item1_cost": c1, "items2_count": n2,
            "item2_cost": c2, "paper_cost": c3, "item1": obj1, "item2": obj2,
            "currency": c,
        }),
    )
}

fn generate_48(rng: &mut Random) -> Result<Example> {
    let item1 = pick(rng, &["bread", "sourdough"])?;
    let item2 = pick(rng, &["bagel", "muffin", "croissant", "biscuit"])?;
    let shop = pick(rng, &["bakery", "cafe", "store", "market"])?;
    let c = pick(rng, &["$", "£", "€"])?;
    let price1 = rng.randint(2, 10)?;
    let price2 = rng.randint(1, 5)?;
    let mut n1 = rng.randint(2, 10)?;
    let mut n2 = rng.randint(2, 10)?;
    while n1 * price1 <= n2 * price2 {
        n1 = rng.randint(2, 10)?;
        n2 = rng.randint(2, 10)?;
    }

    let total1 = n1 * price1;
    let total2 = n2 * price2;
    let diff = total1 - total2;
    let question = fstr!("A loaf of {item1} at the {shop} costs {c}{price1}. {item2}s cost {c}{price2} each. How much more do {n1} loaves of {item1} cost than {n2} {item2}s?");
    let cot = fstr!(
        "{n1} loaves of {item1} cost {n1} * {c}{price1} = {c}{total1}.\n\
         {n2} {item2}s cost {n2} * {c}{price2} = {c}{total2}.\n\
         The loaves of {item1} cost {c}{total1} - {c}{total2} = {c}{diff} more than the {item2}s.\n\
         #### {diff}"
    );
    example(
        question,
        diff.into(),
        cot,
        vars!({
            "item1": item1, "item2": item2, "shop": shop, "currency": c, "price1": price1,
            "price2": price2, "n1": n1, "n2": n2, "total1": total1, "total2": total2,
        }),
    )
}

fn generate_49(rng: &mut Random) -> Result<Example> {
    let name = pick(
        rng,
        &["George", "James", "John", "Robert", "Michael", "William"],
    )?;
    let items = ["pretzels", "popcorn", "gum", "cookies", "crackers"];
    let pair = rng.sample(&items, 2)?;
    let (item1, item2) = (pair[0], pair[1]);
    let c = pick(rng, &["$", "£", "€"])?;
    let price1 = rng.randrange_step(25, 100, 5)?;
    let min_price2 = (price1 + 5) / 5 * 5;
    let price2 = rng.randrange_step(min_price2, 150, 5)?;
    let mut percent = rng.randint(1, 10)?;
    let mut n1 = rng.randint(1, 10)?;
    let multiplier = 100 / gcd(100, percent);
    let min_total = (500 + multiplier - 1) / multiplier * multiplier;
    let valid_totals: Vec<i64> = (min_total..=1500)
        .step_by(multiplier as usize)
        .filter(|t| {
            let remaining = t * (100 - percent);
            remaining % 100 == 0 && (remaining - n1 * price1) % price2 == 0
        })
        .collect();
    let total = if valid_totals.is_empty() {
        percent = 10;
        n1 = 1;
        1000
    } else {
        *rng.choice(&valid_totals)?
    };

    let spent = (total * (100 - percent)) as f64 / 100.0;
    let cost_item1 = (n1 * price1) as f64 / 100.0;
    let spent_item2 = spent - cost_item1;
    let n2 = (spent_item2 / (price2 as f64 / 100.0)) as i64;
    let (sp, ci, si) = (fr(spent), fr(cost_item1), fr(spent_item2));
    let question = fstr!("The vending machines sell {item1} for {price1} cents and {item2} for {price2} cents. {name} spent {c}{total} and got {n1} bags of {item1} and had {percent}% of his money left. How many {item2} did he buy?");
    let cot = fstr!(
        "{name} spent {c}{sp} because {total} * {} = {sp}\n\
         {name} spent {c}{ci} on {item1} because {n1} x {} = {ci}\n\
         {name} spent {si} on {item2} because {sp} - {ci} = {si}\n\
         {name} bought {n2} {item2} because {si} / {} = {n2}\n\
         #### {n2}",
        fr((100 - percent) as f64 / 100.0),
        fr(price1 as f64 / 100.0),
        fr(price2 as f64 / 100.0),
    );
    example(
        question,
        n2.into(),
        cot,
        vars!({
            "name": name, "item1": item1, "item2": item2, "price1": price1,
            "price2": price2, "total_spent": total, "num_item1": n1, "num_item2": n2,
            "percent_change": percent, "currency": c,
        }),
    )
}
