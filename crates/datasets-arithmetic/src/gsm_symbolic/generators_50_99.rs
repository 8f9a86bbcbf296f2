//! `generators_50_99.py`: each `generate_<n>` draws its numbers
//! (`generate_example`) and writes the texts (`generate_from_variables`).
//!
//! `difficulty` is always 1.0 (the config refuses anything else), so the
//! reference's `int(15 * difficulty)` is written `15` here.

use dataset_core::{Random, Result};
use serde_json::json;

use super::{example, fr, pick, Example, Generator};

pub(super) fn generator(task: u8) -> Option<Generator> {
    Some(match task {
        50 => generate_50,
        51 => generate_51,
        52 => generate_52,
        53 => generate_53,
        54 => generate_54,
        55 => generate_55,
        56 => generate_56,
        57 => generate_57,
        58 => generate_58,
        59 => generate_59,
        60 => generate_60,
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

/// A `Fraction(num, den)` in lowest terms, as `str()` prints it (`3/4`, or
/// `3` when whole).
fn fraction_str(num: i64, den: i64) -> String {
    let g = gcd(num, den).max(1);
    let (n, d) = if den < 0 {
        (-num / g, -den / g)
    } else {
        (num / g, den / g)
    };
    if d == 1 {
        n.to_string()
    } else {
        format!("{n}/{d}")
    }
}

fn generate_50(rng: &mut Random) -> Result<Example> {
    let name = pick(rng, &["Teddy", "Tommy", "Billy", "Jimmy", "Bobby", "Danny"])?;
    // Even puzzle sizes.
    let pieces1 = rng.randrange_step(100, 500, 2)?;
    let pieces2 = rng.randrange_step(300, 1000, 2)?;

    let half = pieces1 / 2;
    let total = half + pieces2;
    let question = format!("{name} finished half of a {pieces1} piece puzzle, and then started and finished another {pieces2} piece puzzle within an hour. How many puzzle pieces did {name} place during that hour?");
    let cot = format!("{name} did 1/2 * {pieces1} pieces = {half} pieces.\n{name} completed {half} pieces + {pieces2} pieces = {total} pieces.\n#### {total}");
    example(
        question,
        total.into(),
        cot,
        json!({
            "name": name, "puzzle1_pieces": pieces1, "puzzle2_pieces": pieces2,
            "half_puzzle1": half, "total_pieces": total,
        }),
    )
}

fn generate_51(rng: &mut Random) -> Result<Example> {
    let name = pick(
        rng,
        &["Emma", "Olivia", "Sophia", "Isabella", "Mia", "Charlotte"],
    )?;
    let parent = pick(rng, &["mom", "dad", "aunt", "uncle"])?;
    let activity1 = pick(rng, &["mini-golf", "bowling", "laser tag"])?;
    let activity2 = pick(rng, &["arcade", "game room", "pinball"])?;
    let activity3 = pick(rng, &["go-karts", "bumper cars", "roller coaster"])?;
    let cur = pick(rng, &["$", "£", "€"])?;
    let times = *rng.choice(&[2i64, 3])?;
    let tokens = rng.randint(3, 11)?;
    let cost1 = rng.randint(3, 11)?;
    let cost2 = rng.randint(5, 21)?;
    // The budget is a whole number of people's costs.
    let num_people = rng.randint(2, 10)?;
    let budget = (tokens + cost1 + cost2 * times) * num_people;

    let cost_per_ride = cost2 * times;
    let cost_per_person = tokens + cost1 + cost_per_ride;
    let total_people = budget.div_euclid(cost_per_person);
    let friends = total_people - 1;
    let question = format!("{name}'s {parent} said that she had {cur}{budget} budgeted for her birthday party. She wants to make sure she and her friends all get to play one round of {activity1}, have {cur}{tokens} in {activity2} tokens, and get to ride the {activity3} {times}. A round of {activity1} is {cur}{cost1}. The {activity3} cost {cur}{cost2} a ride. How many friends can she invite?");
    let cot = format!(
        "The {activity3} will cost {cur}{cost_per_ride} per person because {cost2} x {times} = {cost_per_ride}\n\
         Each person costs {cur}{cost_per_person} because {tokens} + {cost1} + {cost_per_ride} = {cost_per_person}\n\
         {total_people} total people can attend because {budget} / {cost_per_person} = {total_people}\n\
         She can invite {friends} friends because {total_people} - 1 = {friends}\n\
         #### {friends}"
    );
    example(
        question,
        friends.into(),
        cot,
        json!({
            "name": name, "parent": parent, "activity1": activity1, "activity2": activity2,
            "activity3": activity3, "currency": cur, "times": times, "budget": budget,
            "tokens": tokens, "cost1": cost1, "cost2": cost2, "cost_per_ride": cost_per_ride,
            "cost_per_person": cost_per_person, "total_people": total_people,
        }),
    )
}

fn generate_52(rng: &mut Random) -> Result<Example> {
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
            "Amelia",
        ],
    )?;
    let alphabets: [(&str, i64); 4] = [
        ("alphabet", 26),
        ("hiragana (with 48 letters)", 48),
        ("farsi alphabet (with 32 letters)", 32),
        ("arabic abjad (with 28 letters)", 28),
    ];
    let mut alphabet = *rng.choice(&alphabets)?;
    let n1 = match *rng.choice(&["twice", "three times", "four times"])? {
        "twice" => 2,
        "three times" => 3,
        _ => 4,
    };
    let frac = match *rng.choice(&["half", "one-third", "one-fourth"])? {
        "half" => 0.5,
        "one-third" => 1.0 / 3.0,
        _ => 0.25,
    };
    // Redrawn until the fraction of the alphabet is whole (as a float).
    while (alphabet.1 as f64 * frac).fract() != 0.0 {
        alphabet = *rng.choice(&alphabets)?;
    }

    let (alphabet_name, count) = alphabet;
    let full_writes = n1 * count;
    let half_write = (count as f64 * frac) as i64;
    let subtotal = full_writes + half_write;
    let total = subtotal * 2;
    let frac_s = fr(frac);
    // The question writes the numbers the reference maps the words to.
    let question = format!("{name} is learning to write and decides to keep re-writing the {alphabet_name} until she knows it. She writes it in full {n1}, writes {frac_s} of it once, then re-writes everything she has already written. How many letters has {name} written in total?");
    let cot = format!(
        "{name} has written the {alphabet_name} {n1} time(s) which is a total of {count} * {n1} = {full_writes} letters.\n\
         She then writes {frac_s} the {alphabet_name}, which is {count} * {frac_s} = {half_write} letters.\n\
         So far, this is a total of {full_writes} + {half_write} = {subtotal} letters.\n\
         Writing this again means she has doubled the number of letters she has written, so she has written a total of {subtotal} * 2 = {total} letters.\n\
         #### {total}"
    );
    example(
        question,
        total.into(),
        cot,
        json!({
            "name": name, "alphabet_name": alphabet_name, "alphabet_count": count,
            "times_written": n1, "fraction": frac, "full_writes": full_writes,
            "half_write": half_write, "total": total,
        }),
    )
}

fn generate_53(rng: &mut Random) -> Result<Example> {
    let name = pick(
        rng,
        &[
            "James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph",
        ],
    )?;
    let property = pick(rng, &["even", "odd"])?;
    let sides = *rng.choice(&[4i64, 6, 8, 10, 12, 20])?;
    let target = loop {
        let target = rng.randint(1, sides - 1)?;
        let prob = (sides - target) as f64 / sides as f64 * 100.0;
        if (sides - target) % target == 0 && prob.fract() == 0.0 && prob > 25.0 {
            break target;
        }
    };

    let numbers_above = sides - target;
    let prob_above = numbers_above as f64 / sides as f64 * 100.0;
    let difference = (prob_above - 25.0) as i64;
    let p = fr(prob_above);
    let question = format!("{name} is rolling a {sides}-sided die. How much more likely is it (expressed as a percentage) that he rolls a number greater than {target} than that he rolls two {property} numbers in a row?");
    let cot = format!("There are {numbers_above} numbers greater than {target} on the dice, so the chances of rolling one of them are {numbers_above} / {sides} = {p}%.\nThe chance of rolling one {property} number is 50%, so the chance of rolling two in a row is 50% * 50% = 25%.\nThe difference between these two probabilities is {p}% - 25% = {difference}%.\n#### {difference}");
    example(
        question,
        difference.into(),
        cot,
        json!({
            "name": name, "sides": sides, "target": target, "property": property,
            "numbers_above": numbers_above, "prob_above": prob_above, "prob_two_in_row": 25,
        }),
    )
}

/// `randint(a, b)` redrawn while the result is a multiple of 5.
fn randint_not_multiple_of_5(rng: &mut Random, a: i64, b: i64) -> Result<i64> {
    loop {
        let n = rng.randint(a, b)?;
        if n % 5 != 0 {
            return Ok(n);
        }
    }
}

fn generate_54(rng: &mut Random) -> Result<Example> {
    let names = [
        "John", "Jack", "James", "William", "Michael", "David", "Joseph",
    ];
    let locations = ["cinema", "mall", "library", "park", "gym", "bank", "school"];
    let pair = rng.sample(&names, 2)?;
    let (name1, name2) = (pair[0], pair[1]);
    let locs = rng.sample(&locations, 3)?;
    let (loc1, loc2, loc3) = (locs[0], locs[1], locs[2]);
    let library_time = randint_not_multiple_of_5(rng, 10, 30)?;
    let station_time = randint_not_multiple_of_5(rng, 10, 70)?;
    let min_total = library_time + station_time + 5;
    let total_time = randint_not_multiple_of_5(rng, min_total, 140)?;

    let after_library = total_time - library_time;
    let remaining = after_library - station_time;
    let question = format!("{name1} and {name2} have {total_time} minutes to walk to {loc1} together. It takes them {library_time} minutes to get to the corner where the {loc2} is. It takes them another {station_time} minutes to get to the {loc3}. How much longer do they have to get to {loc1} without being late?");
    let cot = format!("{name1} and {name2} arrive at the {loc2} with {total_time} - {library_time} = {after_library} minutes left to reach the {loc1}.\nThey then arrive at the {loc3} and have {after_library} - {station_time} = {remaining} minutes left to get to {loc1} without being late.\n#### {remaining}");
    example(
        question,
        remaining.into(),
        cot,
        json!({
            "name1": name1, "name2": name2, "total_time": total_time,
            "library_time": library_time, "station_time": station_time,
            "location1": loc1, "location2": loc2, "location3": loc3,
            "remaining_time": remaining,
        }),
    )
}

fn generate_55(rng: &mut Random) -> Result<Example> {
    let name = pick(
        rng,
        &["Dax", "Alex", "Sam", "Jordan", "Taylor", "Morgan", "Riley"],
    )?;
    let place = pick(rng, &["orchard", "backyard", "greenhouse", "allotment"])?;
    let fruit = pick(
        rng,
        &["strawberries", "cherries", "blueberries", "raspberries"],
    )?;
    let location = pick(rng, &["garden", "field", "plot", "patch"])?;
    let insects = [
        "beetles",
        "ladybugs",
        "grasshoppers",
        "caterpillars",
        "bees",
        "wasps",
    ];
    let pair = rng.sample(&insects, 2)?;
    let (insect1, insect2) = (pair[0], pair[1]);
    let mut n = rng.randint(20, 200)?;
    // Even, for "half as many".
    if n % 2 == 1 {
        n += 1;
    }
    let frac = "half";

    let num_insect1 = (n as f64 * 0.5) as i64;
    let total = n + num_insect1;
    let question = format!("{name} went to their {place} to pick some {fruit} and found {frac} as many {insect1} as {insect2} in the {location}. If there were {n} {insect2}, calculate the total number of insects in the {location}.");
    let cot = format!("If there were {n} {insect2}, the total number of {insect1} in the {location} is {frac} * {n} {insect2} = {num_insect1} {insect1}\nThe total number of insects in the {location} is {num_insect1} {insect1} + {n} {insect2} = {total} insects\n#### {total}");
    example(
        question,
        total.into(),
        cot,
        json!({
            "name": name, "place": place, "fruit": fruit, "location": location,
            "insect1": insect1, "insect2": insect2, "n": n, "frac": frac,
            "num_insect1": num_insect1,
        }),
    )
}

fn generate_56(rng: &mut Random) -> Result<Example> {
    let family = pick(rng, &["Smith", "Johnson", "Williams", "Brown", "Jones"])?;
    let item = pick(rng, &["cupcake", "muffin", "brownie", "biscuit"])?;
    let flavors = [
        "vanilla",
        "strawberry",
        "blueberry",
        "lemon",
        "peanut butter",
    ];
    let three = rng.sample(&flavors, 3)?;
    let (flavor1, flavor2, flavor3) = (three[0], three[1], three[2]);
    let total = rng.randrange_step(5000, 10000, 25)?;
    let mut n1 = rng.randint(1000, 3000)?;
    let mut n2 = rng.randint(1000, 3000)?;
    while n1 + n2 >= total {
        n1 = rng.randint(1000, 3000)?;
        n2 = rng.randint(1000, 3000)?;
    }

    let n3 = total - (n1 + n2);
    let sum = n1 + n2;
    let question = format!("The {family} family is busy making {item}s. So far, they've made {total} {item}s. They have {n1} {flavor1} {item}s, {n2} {flavor2} {item}s, and some {flavor3} {item}s. How many {flavor3} {item}s have they made?");
    let cot = format!("The total number of pieces of {flavor1} and {flavor2} {item}s is {n1} + {n2} = {sum}.\nTherefore, they made {total} - {sum} = {n3} {flavor3} {item}s.\n#### {n3}");
    example(
        question,
        n3.into(),
        cot,
        json!({
            "family": family, "item": item, "total": total, "n1": n1, "n2": n2, "n3": n3,
            "flavor1": flavor1, "flavor2": flavor2, "flavor3": flavor3,
        }),
    )
}

fn generate_57(rng: &mut Random) -> Result<Example> {
    let sports = [
        "basketball",
        "badminton",
        "table tennis",
        "football",
        "volleyball",
    ];
    let three = rng.sample(&sports, 3)?;
    let (sport1, sport2, sport3) = (three[0], three[1], three[2]);
    let multiplier = 2;
    // At most 250 students: with n1 <= 21 every bound below is 31.
    let mut n1 = rng.randint(4, 21)?;
    let mut remaining_total = 250 - n1 * multiplier;
    let mut max_n2 = 31.min(remaining_total - 10);
    if max_n2 < 10 {
        n1 = 4.max(n1 - 10);
        remaining_total = 250 - n1 * multiplier;
        max_n2 = 31.min(remaining_total - 10);
    }
    let n2 = rng.randint(10, 11.max(max_n2))?;
    let max_n3 = 31.min(remaining_total - n2);
    let n3 = rng.randint(10, 11.max(max_n3))?;

    let n_volleyball = n1 * multiplier;
    let n_soccer = n2 + n3;
    let total = n1 + n_volleyball + n_soccer;
    let question = format!("There are {n1} students playing {sport1} and twice that number playing {sport2}. There are {n2} boys and {n3} girls playing {sport3}. If each student only participates in one group, how many students are there in total?");
    let cot = format!("There are {n1} x {multiplier} = {n_volleyball} students playing {sport2}.\nThere are {n2} + {n3} = {n_soccer} students playing {sport3}.\nIn total there are {n1} + {n_volleyball} + {n_soccer} = {total} students.\n#### {total}");
    example(
        question,
        total.into(),
        cot,
        json!({
            "tennis_players": n1, "volleyball_players": n_volleyball, "soccer_boys": n2,
            "soccer_girls": n3, "total_soccer": n_soccer, "total_students": total,
            "sports": [sport1, sport2, sport3],
        }),
    )
}

fn generate_58(rng: &mut Random) -> Result<Example> {
    let name = pick(
        rng,
        &["John", "Mike", "James", "David", "Robert", "William"],
    )?;
    let container = pick(rng, &["cup", "bottle", "carton"])?;
    let liquid = pick(
        rng,
        &["juice", "soda", "sparkling water", "tea", "lemonade"],
    )?;
    let unit = pick(rng, &["ounce", "mL", "cc", "oz"])?;
    let volume = rng.randint(6, 16)?;
    let num_containers = rng.randint(2, 6)?;
    let calories = rng.randint(2, 10)?;

    let total_volume = volume * num_containers;
    let total_calories = total_volume * calories;
    let question = format!("A {container} of {liquid} is {volume} {unit}s of {liquid}. {name} drinks {num_containers} {container}s of {liquid}. If {liquid} has {calories} calories per {unit} how many calories did he consume?");
    let cot = format!("He drank {volume}*{num_containers}={total_volume} {unit}s of {liquid}.\nSo he drank {total_volume}*{calories}={total_calories} calories of {liquid}\n#### {total_calories}");
    example(
        question,
        total_calories.into(),
        cot,
        json!({
            "name": name, "container": container, "liquid": liquid, "volume": volume,
            "unit": unit, "num_containers": num_containers, "calories": calories,
            "total_volume": total_volume, "total_calories": total_calories,
        }),
    )
}

fn generate_59(rng: &mut Random) -> Result<Example> {
    // The city is at most 100 miles across, in 2 to 20 intervals of 2 to 50 miles.
    let distance_per_interval = rng.randint(2, 50)?;
    let num_intervals = rng.randint(2, 20.min(100 / distance_per_interval))?;
    let total_distance = distance_per_interval * num_intervals;
    let time_per_interval = rng.randint(2, 500)?;

    let intervals = total_distance / distance_per_interval;
    let total_time = intervals * time_per_interval;
    let question = format!("A fog bank rolls in from the ocean to cover a city. It takes {time_per_interval} minutes to cover every {distance_per_interval} miles of the city. If the city is {total_distance} miles across from the oceanfront to the opposite inland edge, how many minutes will it take for the fog bank to cover the whole city?");
    let cot = format!("The city will be covered in {total_distance} / {distance_per_interval} = {intervals} intervals of {time_per_interval} minutes.\nThus, it will take {intervals} * {time_per_interval} = {total_time} minutes for the fog to cover the whole city.\n#### {total_time}");
    example(
        question,
        total_time.into(),
        cot,
        json!({
            "time_per_interval": time_per_interval,
            "distance_per_interval": distance_per_interval,
            "total_distance": total_distance, "intervals": intervals,
        }),
    )
}

fn generate_60(rng: &mut Random) -> Result<Example> {
    let name = pick(
        rng,
        &[
            "Emma", "Sophia", "Isabella", "Olivia", "Ava", "Mia", "Emily",
        ],
    )?;
    let unit = pick(rng, &["mile", "kilometer", "block"])?;
    let speed_mult = 2;
    let mut beach_dist = rng.randint(10, 15)?;
    // The beach time: a multiple of beach_dist in 40..=65 minutes.
    let (min_time, max_time) = (40, 65);
    let valid_times: Vec<i64> = ((min_time + beach_dist - 1) / beach_dist..=max_time / beach_dist)
        .map(|m| m * beach_dist)
        .filter(|t| (min_time..=max_time).contains(t))
        .collect();
    let beach_time = if valid_times.is_empty() {
        beach_dist = 5.max(beach_dist - 5);
        beach_dist * ((min_time + beach_dist - 1) / beach_dist)
    } else {
        *rng.choice(&valid_times)?
    };
    let sidewalk_dist = rng.randint(10, 15)?;
    let total_dist = beach_dist + sidewalk_dist;

    // Fractions: the beach rate is beach_dist/beach_time miles per minute.
    let beach_rate = fraction_str(beach_dist, beach_time);
    let sidewalk_rate = fraction_str(beach_dist * speed_mult, beach_time);
    // `int(sidewalk_dist / sidewalk_rate)`, both positive.
    let sidewalk_time = sidewalk_dist * beach_time / (beach_dist * speed_mult);
    let total_time = beach_time + sidewalk_time;
    let question = format!("{name} walks {total_dist} {unit}s every day on her favorite walking trail, which includes {beach_dist} {unit}s of walking on the beach and {sidewalk_dist} {unit}s of walking on the sidewalk. On the sidewalk, {name} walks at twice the rate of speed that she does on the beach. If {beach_time} minutes of her walk is spent on the beach, how long does it take for her to complete the entire {total_dist}-{unit} walk, in minutes?");
    let cot = format!("On the beach, {name} walks at a rate of {beach_dist} {unit}s per {beach_time} minutes, or {beach_dist}/{beach_time} = {beach_rate} {unit}s per minute.\nOn the sidewalk, she walks at {speed_mult} times the rate of speed as when she is on the sand, or {speed_mult} * {beach_rate} = {sidewalk_rate} {unit}s per minute.\nTo walk {sidewalk_dist} {unit}s on the sidewalk, it takes her {sidewalk_dist}÷{sidewalk_rate}={sidewalk_time} minutes.\nThus, in total, it takes {name} {beach_time}+{sidewalk_time}={total_time} minutes to walk her favorite route.\n#### {total_time}");
    example(
        question,
        total_time.into(),
        cot,
        json!({
            "name": name, "unit": unit, "total_distance": total_dist,
            "beach_distance": beach_dist, "sidewalk_distance": sidewalk_dist,
            "speed_multiplier": speed_mult, "beach_time": beach_time,
            "sidewalk_time": sidewalk_time,
        }),
    )
}
