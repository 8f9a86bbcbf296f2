//! `generators_50_99.py`: each `generate_<n>` draws its numbers
//! (`generate_example`) and writes the texts (`generate_from_variables`).
//!
//! `difficulty` is always 1.0 (the config refuses anything else), so the
//! reference's `int(15 * difficulty)` is written `15` here.

use dataset_core::{Random, Result};

use super::{example, fr, fraction_str, fstr, pick, vars, Example, Generator};

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
        62 => generate_62,
        64 => generate_64,
        66 => generate_66,
        67 => generate_67,
        68 => generate_68,
        69 => generate_69,
        70 => generate_70,
        71 => generate_71,
        72 => generate_72,
        73 => generate_73,
        75 => generate_75,
        78 => generate_78,
        80 => generate_80,
        81 => generate_81,
        82 => generate_82,
        83 => generate_83,
        84 => generate_84,
        85 => generate_85,
        88 => generate_88,
        89 => generate_89,
        91 => generate_91,
        92 => generate_92,
        93 => generate_93,
        94 => generate_94,
        95 => generate_95,
        96 => generate_96,
        99 => generate_99,
        _ => return None,
    })
}

fn generate_50(rng: &mut Random) -> Result<Example> {
    let name = pick(rng, &["Teddy", "Tommy", "Billy", "Jimmy", "Bobby", "Danny"])?;
    // Even puzzle sizes.
    let pieces1 = rng.randrange_step(100, 500, 2)?;
    let pieces2 = rng.randrange_step(300, 1000, 2)?;

    let half = pieces1 / 2;
    let total = half + pieces2;
    let question = fstr!("{name} finished half of a {pieces1} piece puzzle, and then started and finished another {pieces2} piece puzzle within an hour. How many puzzle pieces did {name} place during that hour?");
    let cot = fstr!("{name} did 1/2 * {pieces1} pieces = {half} pieces.\n{name} completed {half} pieces + {pieces2} pieces = {total} pieces.\n#### {total}");
    example(
        question,
        total.into(),
        cot,
        vars!({
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
    let question = fstr!("{name}'s {parent} said that she had {cur}{budget} budgeted for her birthday party. She wants to make sure she and her friends all get to play one round of {activity1}, have {cur}{tokens} in {activity2} tokens, and get to ride the {activity3} {times}. A round of {activity1} is {cur}{cost1}. The {activity3} cost {cur}{cost2} a ride. How many friends can she invite?");
    let cot = fstr!(
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
        vars!({
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
    let question = fstr!("{name} is learning to write and decides to keep re-writing the {alphabet_name} until she knows it. She writes it in full {n1}, writes {frac_s} of it once, then re-writes everything she has already written. How many letters has {name} written in total?");
    let cot = fstr!(
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
        vars!({
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
    let question = fstr!("{name} is rolling a {sides}-sided die. How much more likely is it (expressed as a percentage) that he rolls a number greater than {target} than that he rolls two {property} numbers in a row?");
    let cot = fstr!("There are {numbers_above} numbers greater than {target} on the dice, so the chances of rolling one of them are {numbers_above} / {sides} = {p}%.\nThe chance of rolling one {property} number is 50%, so the chance of rolling two in a row is 50% * 50% = 25%.\nThe difference between these two probabilities is {p}% - 25% = {difference}%.\n#### {difference}");
    example(
        question,
        difference.into(),
        cot,
        vars!({
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
    let question = fstr!("{name1} and {name2} have {total_time} minutes to walk to {loc1} together. It takes them {library_time} minutes to get to the corner where the {loc2} is. It takes them another {station_time} minutes to get to the {loc3}. How much longer do they have to get to {loc1} without being late?");
    let cot = fstr!("{name1} and {name2} arrive at the {loc2} with {total_time} - {library_time} = {after_library} minutes left to reach the {loc1}.\nThey then arrive at the {loc3} and have {after_library} - {station_time} = {remaining} minutes left to get to {loc1} without being late.\n#### {remaining}");
    example(
        question,
        remaining.into(),
        cot,
        vars!({
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
    let question = fstr!("{name} went to their {place} to pick some {fruit} and found {frac} as many {insect1} as {insect2} in the {location}. If there were {n} {insect2}, calculate the total number of insects in the {location}.");
    let cot = fstr!("If there were {n} {insect2}, the total number of {insect1} in the {location} is {frac} * {n} {insect2} = {num_insect1} {insect1}\nThe total number of insects in the {location} is {num_insect1} {insect1} + {n} {insect2} = {total} insects\n#### {total}");
    example(
        question,
        total.into(),
        cot,
        vars!({
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
    let question = fstr!("The {family} family is busy making {item}s. So far, they've made {total} {item}s. They have {n1} {flavor1} {item}s, {n2} {flavor2} {item}s, and some {flavor3} {item}s. How many {flavor3} {item}s have they made?");
    let cot = fstr!("The total number of pieces of {flavor1} and {flavor2} {item}s is {n1} + {n2} = {sum}.\nTherefore, they made {total} - {sum} = {n3} {flavor3} {item}s.\n#### {n3}");
    example(
        question,
        n3.into(),
        cot,
        vars!({
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
    let question = fstr!("There are {n1} students playing {sport1} and twice that number playing {sport2}. There are {n2} boys and {n3} girls playing {sport3}. If each student only participates in one group, how many students are there in total?");
    let cot = fstr!("There are {n1} x {multiplier} = {n_volleyball} students playing {sport2}.\nThere are {n2} + {n3} = {n_soccer} students playing {sport3}.\nIn total there are {n1} + {n_volleyball} + {n_soccer} = {total} students.\n#### {total}");
    example(
        question,
        total.into(),
        cot,
        vars!({
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
    let question = fstr!("A {container} of {liquid} is {volume} {unit}s of {liquid}. {name} drinks {num_containers} {container}s of {liquid}. If {liquid} has {calories} calories per {unit} how many calories did he consume?");
    let cot = fstr!("He drank {volume}*{num_containers}={total_volume} {unit}s of {liquid}.\nSo he drank {total_volume}*{calories}={total_calories} calories of {liquid}\n#### {total_calories}");
    example(
        question,
        total_calories.into(),
        cot,
        vars!({
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
    let question = fstr!("A fog bank rolls in from the ocean to cover a city. It takes {time_per_interval} minutes to cover every {distance_per_interval} miles of the city. If the city is {total_distance} miles across from the oceanfront to the opposite inland edge, how many minutes will it take for the fog bank to cover the whole city?");
    let cot = fstr!("The city will be covered in {total_distance} / {distance_per_interval} = {intervals} intervals of {time_per_interval} minutes.\nThus, it will take {intervals} * {time_per_interval} = {total_time} minutes for the fog to cover the whole city.\n#### {total_time}");
    example(
        question,
        total_time.into(),
        cot,
        vars!({
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
    let question = fstr!("{name} walks {total_dist} {unit}s every day on her favorite walking trail, which includes {beach_dist} {unit}s of walking on the beach and {sidewalk_dist} {unit}s of walking on the sidewalk. On the sidewalk, {name} walks at twice the rate of speed that she does on the beach. If {beach_time} minutes of her walk is spent on the beach, how long does it take for her to complete the entire {total_dist}-{unit} walk, in minutes?");
    let cot = fstr!("On the beach, {name} walks at a rate of {beach_dist} {unit}s per {beach_time} minutes, or {beach_dist}/{beach_time} = {beach_rate} {unit}s per minute.\nOn the sidewalk, she walks at {speed_mult} times the rate of speed as when she is on the sand, or {speed_mult} * {beach_rate} = {sidewalk_rate} {unit}s per minute.\nTo walk {sidewalk_dist} {unit}s on the sidewalk, it takes her {sidewalk_dist}÷{sidewalk_rate}={sidewalk_time} minutes.\nThus, in total, it takes {name} {beach_time}+{sidewalk_time}={total_time} minutes to walk her favorite route.\n#### {total_time}");
    example(
        question,
        total_time.into(),
        cot,
        vars!({
            "name": name, "unit": unit, "total_distance": total_dist,
            "beach_distance": beach_dist, "sidewalk_distance": sidewalk_dist,
            "speed_multiplier": speed_mult, "beach_time": beach_time,
            "sidewalk_time": sidewalk_time,
        }),
    )
}

fn generate_62(rng: &mut Random) -> Result<Example> {
    let item = pick(rng, &["pizza", "cake", "pie", "lasagna"])?;
    let unit = pick(rng, &["pieces", "portions", "servings"])?;
    let names = [
        "Emma",
        "Liam",
        "Olivia",
        "Noah",
        "Ava",
        "Elijah",
        "Charlotte",
        "James",
    ];
    let pair = rng.sample(&names, 2)?;
    let (name1, name2) = (pair[0], pair[1]);
    let slices_per_day = rng.randint(2, 6)?;
    let multiplier = 2;
    // A whole number of days.
    let num_days = rng.randint(2, 8)?;
    let num_slices = (slices_per_day + slices_per_day * multiplier) * num_days;

    let second = slices_per_day * multiplier;
    let daily = slices_per_day + second;
    let days = num_slices / daily;
    let question = fstr!("A {item} has {num_slices} {unit}. If {name1} can eat {slices_per_day} {unit} a day while {name2} can eat {multiplier} times as much, how many days will the {item} last?");
    let cot = fstr!("{name2} can eat {slices_per_day} x {multiplier} = {second} {unit} a day.\nTogether, {name1} and {name2} can eat {slices_per_day} + {second} = {daily} {unit} a day.\nSo, a {item} will last for {num_slices}/{daily} = {days} days.\n#### {days}");
    example(
        question,
        days.into(),
        cot,
        vars!({
            "item": item, "num_slices": num_slices, "name1": name1, "name2": name2,
            "slices_per_day": slices_per_day, "multiplier": multiplier,
            "second_person_slices": second, "total_daily_slices": daily, "unit": unit,
        }),
    )
}

fn generate_64(rng: &mut Random) -> Result<Example> {
    let name = pick(
        rng,
        &[
            "Chester", "James", "John", "Robert", "Michael", "William", "David",
        ],
    )?;
    let n1 = rng.randint(2, 6)?;
    let mut n2 = rng.randint(4, 8)?;
    while n2 <= n1 {
        n2 = rng.randint(4, 8)?;
    }
    let mut d1 = rng.randint(20, 110)?;
    let mut d2 = rng.randint(20, 110)?;
    // A whole number of dozens.
    while (n1 * d1 + n2 * d2) % 12 != 0 {
        d1 = rng.randint(20, 110)?;
        d2 = rng.randint(20, 110)?;
    }

    let first = n1 * d1;
    let second = n2 * d2;
    let total = first + second;
    let dozens = total / 12;
    let days = d1 + d2;
    let question = fstr!("If {name} eats {n1} eggs a day for {d1} days and then increases it to {n2} eggs a day for {d2} days, how many dozens of eggs will {name} need for {days} days?");
    let cot = fstr!(
        "He starts off eating {n1} eggs a day for {d1} days for a total of {n1}*{d1} = {first} eggs\n\
         Then he increases it to {n2} eggs a day for {d2} days for a total of {n2}*{d2} = {second} eggs\n\
         All total he will eat {first}+{second} = {total} eggs\n\
         There are 12 eggs in 1 dozen and he will eat {total} eggs which is {total}/12 = {dozens} dozen eggs\n\
         #### {dozens}"
    );
    example(
        question,
        dozens.into(),
        cot,
        vars!({
            "name": name, "eggs_per_day_first": n1, "days_first": d1,
            "eggs_per_day_second": n2, "days_second": d2, "total_eggs": total,
            "dozens": dozens,
        }),
    )
}

fn generate_66(rng: &mut Random) -> Result<Example> {
    let name = pick(
        rng,
        &[
            "James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph",
        ],
    )?;
    let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
    let hour1 = rng.randint(3, 7)?;
    let hour2 = rng.randint(2, 7)?;
    let hour3 = rng.randint(2, 6)?;
    let min1 = rng.randint(1, 12)? * 5;
    let min2 = rng.randint(1, 11)? * 5;
    let episodes = rng.randint(1, 8)?;
    // Float hours, as the reference adds them.
    let total_hours = (2 * hour1 + hour2) as f64
        + min2 as f64 / 60.0
        + (2 * hour3) as f64
        + (episodes * min1) as f64 / 60.0;

    let [mon, tue, wed, thu, fri] = weekdays;
    let w = &wed[..1];
    let after_mon = total_hours - hour1 as f64;
    let after_tue = total_hours - (2 * hour1) as f64;
    // `float - Fraction` is a float.
    let after_thu = after_tue - hour2 as f64 - min2 as f64 / 60.0;
    let after_fri = after_thu - (2 * hour3) as f64;
    let question = fstr!("{name} watches TV after he finishes his homework every night. On {mon} and {tue}, he watched a {hour1}-hour episode of his favorite show each night. On {wed}, he watched a few episodes of a {min1}-minute show. On {thu}, he finished homework early and watched a {hour2}-hour episode and a {min2}-minute show. On {fri}, he got to stay up late for the weekend, so he watched two {hour3}-hour episodes. If he watched {} hours of TV in all, how many {min1}-minute episodes did he watch on {wed}?", fr(total_hours));
    let cot = fstr!(
        "Let {w} be the number of episodes he watched on {wed}.\n\
         After {mon}, he had {} - {hour1} = {} hours of TV left.\n\
         After {tue}, he had {} - {hour1} = {} hours of TV left.\n\
         After {thu}, he had {} - {hour2} - {} = {} hours of TV left.\n\
         After {fri}, he had {} - {} = {} hours of TV left.\n\
         Each {min1}-minute episode is {} hour.\n\
         Thus, {w} = {episodes} episodes.\n#### {episodes}",
        fr(total_hours),
        fr(after_mon),
        fr(after_mon),
        fr(after_tue),
        fr(after_tue),
        fraction_str(min2, 60),
        fr(after_thu),
        fr(after_thu),
        2 * hour3,
        fr(after_fri),
        fraction_str(min1, 60),
    );
    example(
        question,
        episodes.into(),
        cot,
        vars!({
            "name": name, "weekdays": weekdays, "hour1": hour1, "hour2": hour2,
            "hour3": hour3, "min1": min1, "min2": min2, "total_hours": total_hours,
            "num_wed_episodes": episodes,
        }),
    )
}

fn generate_67(rng: &mut Random) -> Result<Example> {
    let name = pick(
        rng,
        &[
            "John", "James", "William", "Michael", "David", "Robert", "Thomas",
        ],
    )?;
    let fruit = pick(rng, &["banana", "apple", "orange", "pear", "peach", "plum"])?;
    let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
    let days = rng.sample(&weekdays, 3)?;
    let (d1, d2, d3) = (days[0], days[1], days[2]);
    let mult = match pick(rng, &["double", "triple", "quadruple"])? {
        "double" => 2,
        "triple" => 3,
        _ => 4,
    };
    let n1 = rng.randint(30, 400)?;
    let n2 = rng.randint(50, 400)?;

    let first_two = n1 + n2;
    let day3 = mult * n1;
    let total = first_two + day3;
    let question = fstr!("{name} picks {n1} {fruit}s on {d1}. Then he picks {n2} {fruit}s on {d2}. On {d3}, he picks {mult} times the number of {fruit}s he did on {d1}. How many {fruit}s does {name} have?");
    let cot = fstr!("Combining {d1} and {d2}, {name} has {n1} {fruit}s + {n2} {fruit}s = {first_two} {fruit}s.\nOn {d3}, he picks {mult} * {n1} {fruit}s = {day3} {fruit}s.\nAltogether, {name} has {first_two} {fruit}s + {day3} {fruit}s = {total} {fruit}s.\n#### {total}");
    example(
        question,
        total.into(),
        cot,
        vars!({
            "name": name, "fruit": fruit, "day1_amount": n1, "day2_amount": n2,
            "day1": d1, "day2": d2, "day3": d3, "multiplier": mult,
            "day3_amount": day3, "total": total,
        }),
    )
}

fn generate_68(rng: &mut Random) -> Result<Example> {
    let disease = pick(rng, &["virus", "bacteria", "parasite", "infection"])?;
    let d = 3;
    // n0 * (r + 1)**3 stays under 20000.
    let mut n0 = rng.randint(5, 20)?;
    let max_r_for = |n0: i64| 7.min(((20000.0 / n0 as f64).powf(1.0 / 3.0) - 1.0) as i64);
    let mut max_r = max_r_for(n0);
    if max_r < 2 {
        n0 = 5;
        max_r = max_r_for(n0);
    }
    let r = rng.randint(2, 3.max(max_r))?;

    let day1_new = n0 * r;
    let day1_total = n0 + day1_new;
    let day2_new = day1_total * r;
    let day2_total = day1_total + day2_new;
    let day3_new = day2_total * r;
    let day3_total = day2_total + day3_new;
    let question = fstr!("A {disease} infects {n0} people. Every day, each infected person infects {r} others. How many people are infected after {d} days?");
    let cot = fstr!(
        "On the first day, the original {n0} people infect {r} people each, so {n0} * {r} = {day1_new} more people are infected.\n\
         There are {n0} + {day1_new} = {day1_total} infected people after the first day.\n\
         On the second day, {day1_total} * {r} = {day2_new} more people are infected.\n\
         There are {day1_total} + {day2_new} = {day2_total} infected people after the second day.\n\
         On the third day, {day2_total} * {r} = {day3_new} more people are infected. Therefore, there are {day2_total} + {day3_new} = {day3_total} infected people after three days.\n\
         #### {day3_total}"
    );
    example(
        question,
        day3_total.into(),
        cot,
        vars!({"initial_infected": n0, "infection_rate": r, "days": d, "disease_type": disease}),
    )
}

fn generate_69(rng: &mut Random) -> Result<Example> {
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
            "Harper",
            "Evelyn",
        ],
    )?;
    let document = pick(
        rng,
        &["essay", "report", "thesis", "dissertation", "assignment"],
    )?;
    let fractions: [(&str, i64, i64); 5] = [
        ("1/2", 1, 2),
        ("1/3", 1, 3),
        ("1/4", 1, 4),
        ("2/3", 2, 3),
        ("3/4", 3, 4),
    ];
    let (fraction, num, den) = *rng.choice(&fractions)?;
    // A multiple of the denominator.
    let total_pages = den * rng.randint(1, 325 / den)?;

    // `int(total_pages * eval(fraction))`: float arithmetic, truncated.
    let done = (total_pages as f64 * (num as f64 / den as f64)) as i64;
    let left = total_pages - done;
    let question = fstr!("{name} is required to submit a {total_pages}-page {document}. She already finished writing {fraction} of the {document}. How many pages does she have left to write?");
    let cot = fstr!("{name} has already written {fraction} of the {document} which is {total_pages} pages x {fraction} = {done} pages.\nSo, she still needs to write {total_pages} pages - {done} pages = {left} pages.\n#### {left}");
    example(
        question,
        left.into(),
        cot,
        vars!({
            "name": name, "document": document, "total_pages": total_pages,
            "fraction": fraction, "pages_done": done, "pages_remaining": left,
        }),
    )
}

fn generate_70(rng: &mut Random) -> Result<Example> {
    let name = pick(
        rng,
        &[
            "James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph",
        ],
    )?;
    let obj = pick(rng, &["marbles", "coins", "buttons", "beads", "pebbles"])?;
    let obstacle = pick(rng, &["rock", "stick", "toy", "root"])?;
    let fakes: Vec<&str> = ["buttons", "coins", "pebbles", "beads"]
        .into_iter()
        .filter(|&x| x != obj)
        .collect();
    let fake_object = pick(rng, &fakes)?;
    let frac = *rng.choice(&[0.5, 0.25, 0.75])?;
    // n is a multiple of the fraction's denominator.
    let step = if frac == 0.5 { 2 } else { 4 };
    let (min_n, max_n) = (10, 101);
    let valid_n: Vec<i64> = (min_n + (step - min_n % step) % step..max_n)
        .step_by(step as usize)
        .collect();
    let mut n = if valid_n.is_empty() {
        min_n
    } else {
        *rng.choice(&valid_n)?
    };
    let n_frac = (n as f64 * frac) as i64;
    let fake_num = rng.randint(2, 10.min(n_frac))?;
    let k = if fake_num + 1 < n_frac {
        rng.randint(fake_num + 1, n_frac.min(20))?
    } else {
        let k = fake_num + 1;
        let required_n = ((k + 1) as f64 / frac) as i64;
        n = required_n + (step - required_n % step) % step;
        k
    };

    let dropped = (n as f64 * frac) as i64;
    let remaining = n - dropped;
    let after_finding = remaining + k;
    let fin = after_finding - fake_num;
    let question = fstr!("{name} has a bag of {obj} with {n} inside. He tripped over {obstacle} while carrying it and dropped {dropped} of them. He scrambled to search for them but only came up with {k}. When he went back home, he inspected the {obj} further. {fake_num} of them he picked up wasn't a {obj}, but actually {fake_object} so he got rid of it. How many {obj} did {name} end up with?");
    let cot = fstr!(
        "{name} dropped his {obj} and was left with {n}*{}={remaining} {obj}.\n\
         He searched and found some of his lost {obj}, getting him back to {remaining}+{k}={after_finding} {obj}.\n\
         He went home and removed {fake_object}, leaving him with {after_finding}-{fake_num}={fin} {obj}.\n\
         #### {fin}",
        fr(1.0 - frac)
    );
    example(
        question,
        fin.into(),
        cot,
        vars!({
            "name": name, "objects": obj, "initial_count": n, "obstacle": obstacle,
            "fraction_dropped": frac, "found_count": k, "fake_count": fake_num,
            "fake_object": fake_object, "remaining": remaining,
            "after_finding": after_finding, "final_count": fin,
        }),
    )
}

fn generate_71(rng: &mut Random) -> Result<Example> {
    let name = pick(
        rng,
        &[
            "Emma",
            "Olivia",
            "Ava",
            "Isabella",
            "Sophia",
            "Charlotte",
            "Mia",
            "Amelia",
        ],
    )?;
    let shop = pick(rng, &["bakery", "patisserie", "confectionery", "cafe"])?;
    let item = pick(rng, &["pastries", "baked goods", "desserts", "treats"])?;
    let item1 = pick(rng, &["donuts", "croissants", "eclairs", "danishes"])?;
    let item2 = pick(rng, &["mini cupcakes", "macarons", "cookies", "tarts"])?;
    let item3 = pick(rng, &["mini cheesecakes", "brownies", "muffins", "scones"])?;
    let n1 = rng.randint(1, 10)?;
    let n2 = rng.randint(4, 10)?;
    let n3 = rng.randint(2, 10)?;
    let p1 = rng.randint(11, 21)?;
    let p2 = rng.randint(73, 90)?;
    let p3 = rng.randint(112, 120)?;

    let cost1 = n1 * p1;
    let cost2 = n2 * p2;
    let cost3 = n3 * p3;
    let total = cost1 + cost2 + cost3;
    let question = fstr!("{name} went to the {shop} and bought various types of {item}. She bought {n1} dozen {item1} which cost ${p1} per dozen, {n2} dozen {item2} which cost ${p2} per dozen, and {n3} dozen {item3} for ${p3} per dozen. How much was the total cost?");
    let cot = fstr!("The total charge for the {item1} was {n1} x ${p1} = ${cost1}.\nThe total charge for the {item2} was {n2} x ${p2} = ${cost2}.\nThe total charge for the {item3} was {n3} x ${p3} = ${cost3}.\nTherefore the total amount {name} paid for the {item} was ${cost1} + ${cost2} + ${cost3} = ${total}.\n#### {total}");
    example(
        question,
        total.into(),
        cot,
        vars!({
            "name": name, "shop": shop, "item": item, "item1": item1, "item2": item2,
            "item3": item3, "n1": n1, "n2": n2, "n3": n3, "p1": p1, "p2": p2, "p3": p3,
            "cost1": cost1, "cost2": cost2, "cost3": cost3,
        }),
    )
}

fn generate_72(rng: &mut Random) -> Result<Example> {
    let structure = pick(rng, &["building", "pyramid", "stack", "tower"])?;
    let obj = pick(rng, &["brick", "cube", "tile", "block"])?;
    let colors = ["green", "purple", "orange", "pink", "white", "black"];
    let three = rng.sample(&colors, 3)?;
    let (color1, color2, color3) = (three[0], three[1], three[2]);
    let n1 = rng.randint(2, 10)?;
    let mult = 2;
    // More than the first two colors together.
    let min_total = n1 + n1 * mult + 1;
    let total = rng.randint(min_total, min_total + 20)?;

    let n2 = n1 * mult;
    let n3 = total - n1 - n2;
    let question = fstr!("A {structure} is made out of {n1} {color1} {obj}s, {mult} times as many {color2} {obj}s, and an unknown number of {color3} {obj}s. If there are {total} {obj}s in the {structure} in total, how many {color3} {obj}s are there?");
    let cot = fstr!("There are {n1}*{mult} = {n2} {color2} {obj}s in the {structure}.\nThere are {total}-{n1}-{n2} = {n3} {color3} {obj}s in the {structure}.\n#### {n3}");
    example(
        question,
        n3.into(),
        cot,
        vars!({
            "structure": structure, "n1": n1, "n2": n2, "n3": n3, "color1": color1,
            "color2": color2, "color3": color3, "obj": obj, "mult": mult, "total": total,
        }),
    )
}

fn generate_73(rng: &mut Random) -> Result<Example> {
    let name = pick(
        rng,
        &["John", "Michael", "David", "James", "William", "Robert"],
    )?;
    let fruit = pick(rng, &["apple", "cherry", "blueberry", "peach"])?;
    let food = pick(rng, &["cookie", "brownie", "muffin", "cupcake"])?;
    let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
    let pair = rng.sample(&weekdays, 2)?;
    let (d1, d2) = (pair[0], pair[1]);
    let currency = pick(rng, &["$", "£", "€"])?;
    let n1 = rng.randint(21, 30)?;
    let n2 = rng.randint(11, 15)?;
    let m2 = rng.randint(21, 30)?;
    let m1 = rng.randint(11, 20.min(m2))?;
    let cn = rng.randint(7, 13)?;
    let cm = rng.randint(20, 33)?;

    let food_day2 = n1 + n2;
    let total_food = n1 + food_day2;
    let food_revenue = total_food * cn;
    let pie_day1 = m2 - m1;
    let total_pie = m2 + pie_day1;
    let pie_revenue = total_pie * cm;
    let total_revenue = food_revenue + pie_revenue;
    let c = currency;
    let question = fstr!("{name} is selling {food} and {fruit} pie for a fundraiser. On {d1}, he sold {n1} boxes of {food} and {m1} fewer boxes of {fruit} pie, than on {d2}. On {d2}, he sold {n2} more boxes of {food} than on {d1} and {m2} boxes of {fruit} pie. If the {food} cost {c}{cn} and the {fruit} pie cost {c}{cm}, how much did {name} earn for two days?");
    let cot = fstr!("He sold {n1} + {n2} = {food_day2} boxes of {food} on {d2}.\nThe total number of boxes of {food}s that {name} sold is {n1} + {food_day2} = {total_food}.\n{name} earned {total_food} x {c}{cn} = {c}{food_revenue} for selling {food}s.\nHe sold {m2} - {m1} = {pie_day1} boxes of {fruit} pie on {d1}.\nThe total number of boxes of {fruit} pie that {name} sold is {m2} + {pie_day1} = {total_pie}.\nHe earned {total_pie} x {c}{cm} = {c}{pie_revenue} for selling {fruit} pie.\nSo, {name} earned {c}{food_revenue} + {c}{pie_revenue} = {c}{total_revenue} for two days.\n#### {total_revenue}");
    example(
        question,
        total_revenue.into(),
        cot,
        vars!({
            "name": name, "fruit": fruit, "food": food, "day1": d1, "day2": d2,
            "gingerbread_day1": n1, "gingerbread_increase": n2,
            "apple_pie_difference": m1, "apple_pie_day2": m2, "gingerbread_price": cn,
            "apple_pie_price": cm, "currency": currency, "total_revenue": total_revenue,
        }),
    )
}

fn generate_75(rng: &mut Random) -> Result<Example> {
    let names = [
        "Ben", "James", "John", "Michael", "William", "David", "Richard", "Joseph",
    ];
    let colors = ["blue", "red", "green", "yellow", "purple", "orange"];
    let pair = rng.sample(&names, 2)?;
    let (name1, name2) = (pair[0], pair[1]);
    let pair = rng.sample(&colors, 2)?;
    let (color1, color2) = (pair[0], pair[1]);
    let n1 = rng.randint(2, 20)?;
    let n2 = rng.randint(2, 20)?;
    // "half" and "three times", as floats.
    let (frac1, mult1) = (0.5, 3.0);

    let n1_result = (n1 as f64 * frac1) as i64;
    let n2_result = (n2 as f64 * mult1) as i64;
    let total = n1_result + n2_result;
    let question = fstr!("{name1} has {n1} tubes of {color1} paint and {n2} tubes of {color2} paint. {name2} has half as many tubes of {color1} paint as {name1}, and three times as many tubes of {color2} paint as {name1}. How many tubes of paint does {name2} have?");
    let cot = fstr!(
        "{name2} has {n1}*{}={n1_result} tubes of {color1} paint\n\
         {name2} has {n2}*{}={n2_result} tubes of {color2} paint\n\
         {name2} has a total of {n1_result}+{n2_result}={total} tubes of paint\n\
         #### {total}",
        fr(frac1),
        fr(mult1)
    );
    example(
        question,
        total.into(),
        cot,
        vars!({
            "name1": name1, "name2": name2, "color1": color1, "color2": color2,
            "n1": n1, "n2": n2, "frac1": frac1, "mult1": mult1,
            "n1_result": n1_result, "n2_result": n2_result,
        }),
    )
}

fn generate_78(rng: &mut Random) -> Result<Example> {
    let names = [
        "Emma",
        "Olivia",
        "Ava",
        "Isabella",
        "Sophia",
        "Mia",
        "Charlotte",
        "Amelia",
    ];
    let pair = rng.sample(&names, 2)?;
    let (name1, name2) = (pair[0], pair[1]);
    let mut age_diff = rng.randint(5, 30)?;
    // Even, for a whole average.
    if age_diff % 2 != 0 {
        age_diff += 1;
    }
    let age1 = rng.randint(15, 75)?;

    let age2 = age1 + age_diff;
    let sum = age1 + age2;
    let avg_age = sum / 2;
    let question = fstr!("{name1} and {name2} are currently {age_diff} years apart in age. If {name1}, who is younger than {name2}, is {age1} years old, what's the average of their ages?");
    let cot = fstr!(
        "If {name1} is {age1} years old, {name2} is {age1}+{age_diff} = {age2} years old.\n\
         The sum of their ages is {age2}+{age1} = {sum} years\n\
         The average age of the two is {sum}/2 = {avg_age} years\n\
         #### {avg_age}"
    );
    example(
        question,
        avg_age.into(),
        cot,
        vars!({
            "name1": name1, "name2": name2, "age_diff": age_diff, "age1": age1,
            "age2": age2, "avg_age": avg_age,
        }),
    )
}

fn generate_80(rng: &mut Random) -> Result<Example> {
    let name = pick(
        rng,
        &[
            "Candy",
            "Sarah",
            "Emma",
            "Olivia",
            "Isabella",
            "Sophia",
            "Mia",
            "Charlotte",
        ],
    )?;
    let colors = ["blue", "red", "green", "yellow", "purple", "orange"];
    let pair = rng.sample(&colors, 2)?;
    let (color1, color2) = (pair[0], pair[1]);
    let n1 = rng.randint(15, 45)?;
    let n2 = rng.randint(45, 100)?;
    let n3 = rng.randint(20, 80)?;
    let mut n4 = rng.randint(50, 100)?;
    // n4 grows until the percentage is whole.
    while ((n1 + n2) * 100) % (n1 + n2 + n3 + n4) != 0 {
        n4 += 1;
    }

    let color1_spools = n1 + n2;
    let total = n1 + n2 + n3 + n4;
    let percent = ((100 * color1_spools) as f64 / total as f64) as i64;
    let question = fstr!("{name} has {n1} light {color1} spools of thread, {n2} dark {color1} spools of thread, {n3} light {color2} spools of thread, and {n4} dark {color2} spools of thread. What percent of her spools are {color1}?");
    let cot = fstr!("First find the number of {color1} spools: {n1} spools + {n2} spools = {color1_spools} spools\nThen find the total number of spools: {n3} spools + {n4} spools + {color1_spools} spools = {total} spools\nThen divide the number of {color1} spools by the total number of spools and multiply by 100% to express the answer as a percentage: {color1_spools} spools / {total} spools * 100% = {percent}%\n#### {percent}");
    example(
        question,
        percent.into(),
        cot,
        vars!({
            "name": name, "color1": color1, "color2": color2,
            "light_color1_spools": n1, "dark_color1_spools": n2,
            "light_color2_spools": n3, "dark_color2_spools": n4,
            "total_color1_spools": color1_spools, "total_spools": total,
            "percent_color1": percent,
        }),
    )
}

fn generate_81(rng: &mut Random) -> Result<Example> {
    let occupation = pick(
        rng,
        &[
            "plumber",
            "electrician",
            "painter",
            "carpenter",
            "landscaper",
        ],
    )?;
    let currency = pick(rng, &["$", "£", "€"])?;
    let weeks_per_month = rng.randint(2, 5)?;
    let days_per_week = rng.randint(4, 7)?;
    let pay_per_day = rng.randrange_step(40, 200, 5)?;

    let days_per_month = days_per_week * weeks_per_month;
    let monthly_pay = days_per_month * pay_per_day;
    let yearly_pay = monthly_pay * 12;
    let c = currency;
    let question = fstr!("A {occupation} works for {weeks_per_month} weeks every month and for {days_per_week} days every week. If he gets paid {c}{pay_per_day} every day, how much does he earn if he works for a year?");
    let cot = fstr!("The {occupation} works for {days_per_week} days every week and works for {weeks_per_month} weeks every month so he works for {days_per_week} days/week * {weeks_per_month} weeks/month = {days_per_month} days/month\nIf he earns {c}{pay_per_day} every day he then earns {c}{pay_per_day}/day * {days_per_month} days/month = {c}{monthly_pay}/month\nA year is equal to 12 months so every year he earns {c}{monthly_pay}/month * 12 months/year = {c}{yearly_pay}\n#### {yearly_pay}");
    example(
        question,
        yearly_pay.into(),
        cot,
        vars!({
            "occupation": occupation, "weeks_per_month": weeks_per_month,
            "days_per_week": days_per_week, "pay_per_day": pay_per_day,
            "currency": currency, "days_per_month": days_per_month,
            "monthly_pay": monthly_pay,
        }),
    )
}

fn generate_82(rng: &mut Random) -> Result<Example> {
    let name = pick(
        rng,
        &[
            "James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph",
        ],
    )?;
    let mut num_emails = rng.randint(50, 200)?;
    let mut percent = rng.randint(5, 40)?;
    let workdays = rng.randint(3, 7)?;
    // Whole numbers of emails with and without a response.
    while !(num_emails * percent % 100 == 0 && num_emails * (100 - percent) % 100 == 0) {
        num_emails = rng.randint(50, 200)?;
        percent = rng.randint(5, 40)?;
    }

    let no_response = num_emails * percent / 100;
    let responds_to = num_emails - no_response;
    let total = responds_to * workdays;
    let question = fstr!("{name} gets {num_emails} emails a day. {percent}% of those emails don't require any response. {name} responds to the rest of them. How many emails does {name} respond to in a {workdays} day work week?");
    let cot = fstr!(
        "{name} receives {no_response}={no_response} emails that don't require a response\n\
         So {name} responds to {num_emails}-{no_response}={responds_to} emails per day\n\
         In a {workdays} day work week, {name} responds to {responds_to}*{workdays}={total} emails\n\
         #### {total}"
    );
    example(
        question,
        total.into(),
        cot,
        vars!({
            "name": name, "num_emails": num_emails, "no_response_percent": percent,
            "workdays": workdays, "no_response": no_response, "responds_to": responds_to,
            "total_responses": total,
        }),
    )
}

fn generate_83(rng: &mut Random) -> Result<Example> {
    let names = [
        "Sam", "Harry", "Tom", "John", "Mike", "Dave", "Steve", "Bob",
    ];
    let pair = rng.sample(&names, 2)?;
    let (name1, name2) = (pair[0], pair[1]);
    let unit = pick(rng, &["feet", "yards", "meters"])?;
    // A multiple of 10 in 20..=180, and a total leaving an even split.
    let diff = 10 * rng.randint(2, 18)?;
    let min_total = diff + 22;
    let max_total = 1000.min(min_total + 200);
    let total = if max_total <= min_total {
        min_total
    } else {
        min_total + 2 * rng.randint(0, (max_total - min_total) / 2)?
    };

    let amount1 = (total - diff) / 2;
    let amount2 = amount1 + diff;
    let question = fstr!("If {name1} and {name2} have {total} {unit} of fence between them, and they agree to split it with {name2} getting {diff} {unit} more than {name1}, how much is left over for {name1}?");
    let cot = fstr!("Let x be the amount of fence {name1} gets and y be the amount {name2} gets. We know that y = x + {diff}, and y + x = {total}.\nSubstituting the first equation into the second equation, we get 2x+{diff}={total}\nSubtracting the {diff} from both sides, we get 2x={}\nWe divide each side by two, leaving x={amount1}. This means {name1} has {amount1} {unit} of fence left over.\n#### {amount1}", total - diff);
    example(
        question,
        amount1.into(),
        cot,
        vars!({
            "name1": name1, "name2": name2, "total_fence": total, "difference": diff,
            "unit": unit, "amount1": amount1, "amount2": amount2,
        }),
    )
}

fn generate_84(rng: &mut Random) -> Result<Example> {
    let name = pick(rng, &["Ray", "Jim", "Bob", "Tom", "Mike", "John", "Steve"])?;
    let miles = pick(rng, &["mile", "kilometer"])?;
    // The warm swim stays under an hour.
    let mut time_cold = rng.randint(10, 25)?;
    let mut max_extra = 10.min(60 - 2 * time_cold - 1);
    if max_extra < 1 {
        time_cold = 20;
        max_extra = 19;
    }
    let extra_time = rng.randint(1, max_extra)?;
    let multiplier = 2.0;
    let distance = rng.randint(2, 8)?;

    // The float multiplier makes every warm time a float.
    let time_warm = extra_time as f64 + multiplier * time_cold as f64;
    let cold_total = distance * time_cold;
    let warm_total = distance as f64 * time_warm;
    let difference = warm_total - cold_total as f64;
    let m = pycompat::format_fixed(multiplier, 0);
    let (tw, twt, td) = (fr(time_warm), fr(warm_total), fr(difference));
    let question = fstr!("When the water is cold {name} swims a {miles} in {time_cold} minutes. When the water is warm {name} swims a {miles} in {extra_time} minutes more than {m} times as long. How much longer does {name} take to swim {distance} {miles}s on a hot day than a cold day?");
    let cot = fstr!(
        "Cold water {miles} = {time_cold} minutes\n\
         Warm water {miles} = {extra_time}+{m}({time_cold})={tw} minutes\n\
         {distance} {miles}s in cold water: {distance}({time_cold})={cold_total} minutes\n\
         {distance} {miles}s in warm water: {distance}({tw})={twt} minutes\n\
         {name} takes {twt}-{cold_total}={td} minutes longer\n\
         #### {td}"
    );
    example(
        question,
        difference.into(),
        cot,
        vars!({
            "name": name, "unit": miles, "time_cold": time_cold, "extra_time": extra_time,
            "multiplier": multiplier, "distance": distance, "time_warm": time_warm,
            "time_cold_total": cold_total, "time_warm_total": warm_total,
        }),
    )
}

fn generate_85(rng: &mut Random) -> Result<Example> {
    let name = pick(
        rng,
        &[
            "William", "James", "John", "Michael", "David", "Robert", "Thomas",
        ],
    )?;
    let room_type = pick(rng, &["living room", "study", "office", "kitchen"])?;
    let unit1 = pick(rng, &["feet", "meters"])?;
    let unit2 = if unit1 == "feet" { "yards" } else { "meters" };
    let mut length = rng.randint(5, 40)?;
    let conversion = if unit1 == "feet" && unit2 == "yards" {
        3
    } else {
        1
    };
    // `calculate_max_width`: room for a width longer than the length, at most 100.
    let max_width_for = |length: i64| {
        let min_required = length * conversion + 1;
        (min_required + 1).max(100.min(min_required + 50))
    };
    let mut min_width = length * conversion + 1;
    let mut max_width = max_width_for(length);
    if max_width <= min_width {
        length = 5.max(length - 5);
        min_width = length * conversion + 1;
        max_width = max_width_for(length);
    }
    let width = rng.randint(min_width, max_width)?;
    let area = width * (length * conversion);

    let length_converted = length * conversion;
    let width = area.div_euclid(length_converted);
    let perimeter = 2 * (width + length_converted);
    let question = fstr!("The area of {name}'s rectangular {room_type} is {area} square {unit1}. If the length of his room is {length} {unit2}, what is the perimeter of the room in {unit1}?");
    let cot = fstr!(
        "The length of the room is {length} {unit2} * ({conversion} {unit1} / 1 {unit2}) = {length_converted} {unit1}.\n\
         The width of the room is {area} square {unit1} / {length_converted} {unit1} = {width} {unit1}.\n\
         The room's perimeter is 2({width}+{length_converted}) = {perimeter}\n#### {perimeter}"
    );
    example(
        question,
        perimeter.into(),
        cot,
        vars!({
            "name": name, "room_type": room_type, "area": area, "length": length,
            "unit1": unit1, "unit2": unit2, "width": width,
            "length_converted": length_converted,
        }),
    )
}

fn generate_88(rng: &mut Random) -> Result<Example> {
    let school = pick(
        rng,
        &[
            "Oakwood High School",
            "Riverside Academy",
            "Sunnyside High",
            "Greenville High School",
        ],
    )?;
    let venue = pick(
        rng,
        &[
            "Auditorium",
            "Gymnasium",
            "Sports Arena",
            "Convention Center",
        ],
    )?;
    let graduates = rng.randrange_step(500, 1500, 50)?;
    let faculty = rng.randrange_step(100, 500, 50)?;
    // The remaining seats split evenly among the graduates.
    let remaining = rng.randint(2, 10)? * graduates;
    let total = remaining + graduates + faculty;

    let both = graduates + faculty;
    let remaining = total - both;
    let tickets = remaining.div_euclid(graduates);
    let question = fstr!("{school} is holding graduation in their {venue} this year which has space for {total} people. After accounting for {graduates} seats for graduates and {faculty} seats for faculty attending, how many tickets would each graduate receive to give to their friends and family if the tickets are split equally?");
    let cot = fstr!("Add graduate and faculty seats together. {graduates} + {faculty} = {both} seats for faculty and graduates\nMinus seats for faculty and graduates from total seats allowed. {total} - {both} = {remaining} remaining seats.\nDivide remaining seats by the number of graduates. {remaining}/{graduates} = {tickets} tickets\n#### {tickets}");
    example(
        question,
        tickets.into(),
        cot,
        vars!({
            "school": school, "venue": venue, "total_seats": total,
            "graduate_seats": graduates, "faculty_seats": faculty,
            "remaining_seats": remaining, "tickets_per_graduate": tickets,
        }),
    )
}

fn generate_89(rng: &mut Random) -> Result<Example> {
    let names = [
        "Emma",
        "Liam",
        "Olivia",
        "Noah",
        "Ava",
        "Oliver",
        "Isabella",
        "William",
        "Sophia",
        "James",
        "Charlotte",
        "Benjamin",
        "Mia",
        "Lucas",
        "Harper",
    ];
    let five = rng.sample(&names, 5)?;
    let (name1, name2, name3, name4, name5) = (five[0], five[1], five[2], five[3], five[4]);
    // "twice" and "half", as floats: every count after the first is a float.
    let (multiplier, fraction) = (2.0, 0.5);
    let found = |num_dozen: i64, found_first: i64, less_amount: i64| {
        let second = found_first as f64 * multiplier;
        let third = second - less_amount as f64;
        let fourth = third * fraction;
        let total_found = found_first as f64 + second + third + fourth;
        (num_dozen * 12, second, third, fourth, total_found)
    };
    let mut num_dozen = rng.randint(2, 10)?;
    let mut found_first = rng.randint(3, 15)?;
    let mut less_amount = rng.randint(1, 5)?;
    let (mut total, mut second, mut third, mut fourth, mut total_found) =
        found(num_dozen, found_first, less_amount);
    while !(third > 0.0 && total as f64 > total_found && fourth.fract() == 0.0) {
        num_dozen = rng.randint(2, 10)?;
        found_first = rng.randint(3, 15)?;
        less_amount = rng.randint(1, 5)?;
        (total, second, third, fourth, total_found) = found(num_dozen, found_first, less_amount);
    }

    let remaining = total as f64 - total_found;
    let m = pycompat::format_fixed(multiplier, 0);
    let f = pycompat::format_fixed(fraction, 1);
    let (s2, s3, s4, st, sr) = (
        fr(second),
        fr(third),
        fr(fourth),
        fr(total_found),
        fr(remaining),
    );
    let question = fstr!("{name1} hid {num_dozen} dozen eggs in the yard for the Easter egg hunt. {name2} finds {found_first} eggs. {name3} finds {m} times as many as {name2}. {name4} finds {less_amount} less than {name3}, and {name5} finds {f} as many as {name4}. How many eggs are still hidden in the yard?");
    let cot = fstr!(
        "{name1} hides {num_dozen} x 12 = {total} eggs.\n\
         {name2} finds {found_first} eggs.\n\
         {name3} finds {found_first} x {m} = {s2} eggs.\n\
         {name4} finds {s2} - {less_amount} = {s3} eggs.\n\
         {name5} finds {s3} x {f} = {s4} eggs.\n\
         The children find a total of {found_first} + {s2} + {s3} + {s4} = {st} eggs.\n\
         The total number of hidden eggs still in the yard is {total} - {st} = {sr} eggs.\n#### {sr}"
    );
    example(
        question,
        remaining.into(),
        cot,
        vars!({
            "name1": name1, "name2": name2, "name3": name3, "name4": name4, "name5": name5,
            "num_dozen": num_dozen, "found_first": found_first, "multiplier": multiplier,
            "less_amount": less_amount, "fraction": fraction, "total_eggs": total,
            "total_found": total_found, "remaining": remaining,
        }),
    )
}

fn generate_91(rng: &mut Random) -> Result<Example> {
    let name = pick(
        rng,
        &[
            "John", "Michael", "David", "James", "Robert", "William", "Richard",
        ],
    )?;
    let fruit = pick(rng, &["pineapple", "mango", "banana", "papaya", "coconut"])?;
    let area = pick(rng, &["hectare", "square yard", "square meter"])?;
    let field_size = rng.randrange_step(5, 100, 5)?;
    let density = rng.randint(2, 101)?;
    let months = *rng.choice(&[1i64, 2, 3, 4, 6, 12])?;

    let per_harvest = field_size * density;
    let harvests = 12 / months;
    let total = per_harvest * harvests;
    let question = fstr!("{name} has {field_size} {area}s of a {fruit} field. There are {density} {fruit}s per {area}. {name} can harvest his {fruit}s every {months} months. How many {fruit}s can {name} harvest within a year?");
    let cot = fstr!("{name} has {density} x {field_size}= {per_harvest} {fruit}s on his field.\n{name} can harvest his {fruit}s 12 ÷ {months} = {harvests} times per year\nTherefore {name} can harvest {per_harvest} x {harvests} = {total} {fruit}s per year.\n#### {total}");
    example(
        question,
        total.into(),
        cot,
        vars!({
            "name": name, "fruit": fruit, "area": area, "field_size": field_size,
            "density": density, "months_per_harvest": months,
            "fruits_per_harvest": per_harvest, "harvests_per_year": harvests,
        }),
    )
}

fn generate_92(rng: &mut Random) -> Result<Example> {
    let name = pick(
        rng,
        &[
            "John", "Mike", "David", "James", "Robert", "William", "Richard",
        ],
    )?;
    let product = pick(rng, &["vegetable", "flower", "herb", "plant"])?;
    let location = pick(
        rng,
        &[
            "local fair",
            "community market",
            "street bazaar",
            "town square",
        ],
    )?;
    let items = [
        "roses",
        "daisies",
        "tulips",
        "lilies",
        "sunflowers",
        "orchids",
    ];
    let three = rng.sample(&items, 3)?;
    let unit = pick(rng, &["bunch", "basket", "bouquet", "bundle"])?;
    let currency = pick(rng, &["$", "£", "€"])?;
    let prices = [
        pycompat::round_ndigits(rng.uniform(1.26, 3.53), 2),
        pycompat::round_ndigits(rng.uniform(2.27, 5.53), 2),
        pycompat::round_ndigits(rng.uniform(4.85, 6.53), 2),
    ];
    let nums = [
        rng.randint(5, 21)?,
        rng.randint(15, 31)?,
        rng.randint(35, 41)?,
    ];

    // `round(price)`: the nearest int, ties to even.
    let rounded = prices.map(|p| p.round_ties_even() as i64);
    let sales: Vec<i64> = nums.iter().zip(&rounded).map(|(n, r)| n * r).collect();
    let total: i64 = sales.iter().sum();
    let c = currency;
    let [item1, item2, item3] = [three[0], three[1], three[2]];
    let [price1, price2, price3] = prices.map(|p| pycompat::format_fixed(p, 2));
    let [num1, num2, num3] = nums;
    let question = fstr!("{name} has a {product} stand at the {location}. He sells three kinds of {product}s: {item1}, {item2} and {item3}. He usually sells {item1} for {c}{price1} per {unit}, {item2} for {c}{price2} per {unit} and {item3} for {c}{price3} per {unit}. {name} has no change today, so he has decided to round all his prices to the nearest dollar. If {name} sells {num1} {unit}s of {item1}, {num2} {unit}s of {item2} and {num3} {unit}s of {item3}, how much will he make?");
    let mut cot = String::new();
    for i in 0..3 {
        let up = rounded[i] as f64 > prices[i];
        cot += &fstr!(
            "{name} will round his {} {} from {c}{} to {c}{}, since the number following the {} is {}.\n",
            three[i],
            if up { "up" } else { "down" },
            pycompat::format_fixed(prices[i], 2),
            rounded[i],
            prices[i] as i64,
            if up { "5 or higher" } else { "less than 5" },
        );
    }
    for i in 0..3 {
        cot += &fstr!(
            "{name} sells {} {} x {c}{} = {c}{}\n",
            nums[i],
            three[i],
            rounded[i],
            sales[i]
        );
    }
    cot += &fstr!(
        "Altogether, {name} will make {c}{} + {c}{} + {c}{} = {c}{total}\n#### {total}",
        sales[0],
        sales[1],
        sales[2]
    );
    example(
        question,
        total.into(),
        cot,
        vars!({
            "name": name, "product": product, "location": location,
            "items": [item1, item2, item3], "original_prices": prices,
            "rounded_prices": rounded, "quantities": nums, "unit": unit,
            "currency": currency,
        }),
    )
}

fn generate_93(rng: &mut Random) -> Result<Example> {
    let names = [
        "Arthur",
        "Bruce",
        "Charles",
        "David",
        "Edward",
        "Frederick",
        "George",
        "Henry",
    ];
    let four = rng.sample(&names, 4)?;
    let (name1, name2, name3, name4) = (four[0], four[1], four[2], four[3]);
    let creature = pick(rng, &["ogres", "trolls", "goblins", "orcs", "giants"])?;
    let weapon1 = pick(rng, &["sword", "mace", "battle axe", "war hammer"])?;
    let weapon2 = pick(rng, &["spear", "lance", "javelin", "halberd"])?;
    let weapon3 = pick(
        rng,
        &[
            "rusty iron axe",
            "wooden club",
            "stone hammer",
            "bone dagger",
        ],
    )?;
    let weapon4 = pick(rng, &["sword", "axe", "mace", "hammer"])?;
    let weapon5 = pick(
        rng,
        &["nail file", "butter knife", "wooden spoon", "feather"],
    )?;
    let fractions = [0.25, 0.5, 0.75];
    let mut n1 = rng.randrange_step(50, 500, 50)?;
    let frac1 = *rng.choice(&fractions)?;
    let mult1 = *rng.choice(&[2i64, 3, 4])?;
    let frac2 = *rng.choice(&fractions)?;
    // Every count whole (as floats).
    let whole = |n1: i64| {
        let a = n1 as f64 * frac1;
        let b = a * mult1 as f64;
        a.fract() == 0.0 && b.fract() == 0.0 && (b * frac2).fract() == 0.0
    };
    while !whole(n1) {
        n1 = rng.randrange_step(50, 500, 50)?;
    }

    let kills_arthur = (n1 as f64 * frac1) as i64;
    let kills_walter = kills_arthur * mult1;
    let kills_bruce = (kills_walter as f64 * frac2) as i64;
    let (f1, f2) = (fr(frac1), fr(frac2));
    let question = fstr!("{name1} slew {n1} {creature} with his mighty {weapon1}, while {name2}, using a {weapon2}, slew {f1} as many {creature} as {name1}. Using a {weapon3}, {name3} slew {mult1} as many {creature} as {name2}. But {name4}, having forgot his {weapon4} at home, slew {f2} as many {creature} as {name3} using a {weapon5}. How many {creature} has {name4} slain?");
    let cot = fstr!("{name2} slew {f1} as many {creature} as {name1}, or {n1}*{f1}={kills_arthur} {creature}.\n{name3} slew {mult1} as many {creature} as {name2}, or {mult1}*{kills_arthur}={kills_walter} {creature}.\n{name4} slew {f2} as many {creature} as {name3}, or {kills_walter}*{f2}={kills_bruce} {creature}.\n#### {kills_bruce}");
    example(
        question,
        kills_bruce.into(),
        cot,
        vars!({
            "name1": name1, "name2": name2, "name3": name3, "name4": name4,
            "creature": creature, "weapon1": weapon1, "weapon2": weapon2,
            "weapon3": weapon3, "weapon4": weapon4, "weapon5": weapon5,
            "initial_kills": n1, "fraction1": frac1, "multiplier": mult1,
            "fraction2": frac2, "kills_arthur": kills_arthur,
            "kills_walter": kills_walter, "kills_bruce": kills_bruce,
        }),
    )
}

fn generate_94(rng: &mut Random) -> Result<Example> {
    let name = pick(
        rng,
        &[
            "Maria",
            "Sarah",
            "Emma",
            "Isabella",
            "Sophia",
            "Mia",
            "Charlotte",
        ],
    )?;
    let draw = |rng: &mut Random| -> Result<(i64, i64, i64, i64)> {
        Ok((
            rng.randint(5, 20)?,
            rng.randint(5, 100)?,
            rng.randrange_step(10, 100, 5)?,
            rng.randrange_step(5, 50, 5)?,
        ))
    };
    let (mut num_shares, mut price, mut inc, mut dec) = draw(rng)?;
    // Whole dollar amounts, as the reference checks them in floats.
    let whole = |n: i64, p: i64, inc: i64, dec: i64| {
        ((n * p * inc) as f64 / 100.0).fract() == 0.0
            && ((n * p) as f64 * (1.0 + inc as f64 / 100.0) * (1.0 - dec as f64 / 100.0)).fract()
                == 0.0
    };
    while !whole(num_shares, price, inc, dec) {
        (num_shares, price, inc, dec) = draw(rng)?;
    }

    let initial = num_shares * price;
    let first_increase = (initial * inc) as f64 / 100.0;
    let after_increase = initial as f64 + first_increase;
    let second_decrease = after_increase * dec as f64 / 100.0;
    let final_value = (after_increase - second_decrease) as i64;
    let (fi, ai, sd) = (
        first_increase as i64,
        after_increase as i64,
        second_decrease as i64,
    );
    let question = fstr!("{name} buys {num_shares} shares of a stock for ${price} each. The stock price increases {inc}% the first year {name} holds it, then decreases {dec}% in the second year. What is the final value of all {name}'s shares?");
    let cot = fstr!(
        "First find the initial total value of {name}'s purchase: {num_shares} shares * ${price}/share = ${initial}\n\
         Then find the amount of the first price increase: ${initial} * {} = ${fi}\n\
         Add that amount to the initial value to find the value after the first year: ${initial} + ${fi} = ${ai}\n\
         Then multiply that amount by {dec}% to find the amount of the decrease in the second year: ${ai} * {dec}% = ${sd}\n\
         Then subtract that amount from the value after the first year to find the final value: ${ai} - ${sd} = ${final_value}\n\
         #### {final_value}",
        fr(inc as f64 / 100.0)
    );
    example(
        question,
        final_value.into(),
        cot,
        vars!({
            "name": name, "num_shares": num_shares, "price_per_share": price,
            "increase_pct": inc, "decrease_pct": dec, "initial_value": initial,
            "final_value": final_value,
        }),
    )
}

fn generate_95(rng: &mut Random) -> Result<Example> {
    let name1 = pick(rng, &["A father", "A grandfather", "An uncle"])?;
    let name2 = pick(rng, &["his wife", "his partner", "his spouse"])?;
    let relation = pick(rng, &["daughter", "son", "grandchild"])?;
    let food = pick(
        rng,
        &["pizzas", "burritos", "tacos", "sushi rolls", "hamburgers"],
    )?;
    let n1 = rng.randint(2, 9)?;
    let n2 = rng.randint(2, 9)?;
    let n3 = rng.randint(2, 9)?;
    let time_unit = "day";
    let time_period = pick(rng, &["week", "month"])?;

    let daily_total = n1 + n2 + n3;
    let days = if time_period == "week" { 7 } else { 30 };
    let total = daily_total * days;
    let question = fstr!("{name1} eats {n1} {food} per {time_unit}, {name2} eats {n2} {food} per {time_unit}, and their {relation} eats {n3} {food} per {time_unit}. How many {food} does this family eat in one {time_period}?");
    let cot = fstr!("The number of {food} they eat in one {time_unit} is {n1} + {n2} + {n3} = {daily_total} {food}.\nThe number of {food} they eat in a {time_period} is {daily_total} * {days} = {total} {food}.\n#### {total}");
    example(
        question,
        total.into(),
        cot,
        vars!({
            "name1": name1, "name2": name2, "relation": relation, "food": food,
            "daily_servings1": n1, "daily_servings2": n2, "daily_servings3": n3,
            "daily_total": daily_total, "time_unit": time_unit, "time_period": time_period,
        }),
    )
}

fn generate_96(rng: &mut Random) -> Result<Example> {
    let name = pick(
        rng,
        &[
            "John", "Michael", "David", "James", "Robert", "William", "Richard",
        ],
    )?;
    let food = pick(rng, &["hay", "grain", "feed", "silage"])?;
    let animals = [
        "goat", "cow", "horse", "donkey", "llama", "alpaca", "pig", "turkey", "duck",
    ];
    let pair = rng.sample(&animals, 2)?;
    let (animal1, animal2) = (pair[0], pair[1]);
    let unit = pick(rng, &["pounds", "kilograms", "kg"])?;
    let mut n1 = rng.randint(3, 15)?;
    let mut n2 = rng.randint(1, 10)?;
    // The second animal needs a positive amount.
    while 2 * n1 - n2 <= 0 {
        n1 = rng.randint(3, 15)?;
        n2 = rng.randint(1, 10)?;
    }
    let k1 = rng.randint(10, 50)?;
    let k2 = rng.randint(10, 50)?;

    let animal2_amount = 2 * n1 - n2;
    let animal2_total = k2 * animal2_amount;
    let animal1_total = k1 * n1;
    let total = animal1_total + animal2_total;
    let question = fstr!("{name} is feeding his livestock {food}. Each {animal1} needs {n1} {unit}, and each {animal2} needs {n2} {unit} less than twice the amount each {animal1} needs. If there are {k1} {animal1}s and {k2} {animal2}s, how many {unit} of {food} does {name} need?");
    let cot = fstr!(
        "First figure out how much {food} each {animal2} needs: {n1} {unit} * 2 - {n2} = {animal2_amount} {unit}/{animal2}\n\
         Now figure out how much {food} total the {animal2}s need: {animal2_amount} {unit}/{animal2} * {k2} {animal2} = {animal2_total} {unit}\n\
         Now figure out how much {food} total the {animal1}s need: {n1} {unit}/{animal1} * {k1} {animal1}s = {animal1_total} {unit}\n\
         Now add the two amounts of {food} to find the total: {animal2_total} {unit} + {animal1_total} {unit} = {total} {unit}\n#### {total}"
    );
    example(
        question,
        total.into(),
        cot,
        vars!({
            "name": name, "food": food, "animal1": animal1, "animal2": animal2,
            "n1": n1, "n2": n2, "k1": k1, "k2": k2, "unit": unit,
            "animal2_amount": animal2_amount, "animal2_total": animal2_total,
            "animal1_total": animal1_total,
        }),
    )
}

fn generate_99(rng: &mut Random) -> Result<Example> {
    let name = pick(
        rng,
        &["David", "John", "Michael", "James", "William", "Robert"],
    )?;
    let currency = pick(rng, &["$", "€", "£"])?;
    let item = pick(rng, &["screw", "nail", "washer", "nut", "anchor"])?;
    let store_type = pick(
        rng,
        &["hardware", "home improvement", "construction supply"],
    )?;
    let quantity = rng.randint(15, 60)?;
    let unit_price = pycompat::round_ndigits(rng.uniform(0.01, 1.0), 2);
    // Enough money for the items, with a whole number of units left over
    // (before float rounding, which `int()` then truncates).
    let total_cost = quantity as f64 * unit_price;
    let initial_amount = total_cost + rng.randint(1, 100)? as f64;

    let remaining = initial_amount - total_cost;
    let left = remaining as i64;
    let c = currency;
    let (ia, up, tc) = (
        pycompat::format_fixed(initial_amount, 2),
        pycompat::format_fixed(unit_price, 2),
        pycompat::format_fixed(total_cost, 2),
    );
    let question = fstr!("{name} has {c}{ia} and wants to buy {quantity} {item}s from a bin at the {store_type} store. Each {item} costs {c}{up}. How much money does {name} have left after paying for the {item}s?");
    let cot = fstr!("{name} paid {quantity} * {c}{up} = {c}{tc} for the {item}s.\n{name} has {c}{ia} - {c}{tc} = {c}{left} left.\n#### {left}");
    example(
        question,
        left.into(),
        cot,
        vars!({
            "name": name, "currency": currency, "initial_amount": initial_amount,
            "quantity": quantity, "item": item, "store_type": store_type,
            "unit_price": unit_price, "total_cost": total_cost, "remaining": remaining,
        }),
    )
}
