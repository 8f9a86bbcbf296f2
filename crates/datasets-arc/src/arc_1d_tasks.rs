//! The generators of `arc_1d`, mirroring reasoning-gym's `arc/arc_1d_tasks.py`
//! (itself machine-translated from Ilya Sheprut's Rust `arc_1d` generators):
//! one function per Python function, drawing in its order, and the task table
//! `ARC_1D_TASKS` in its order.
//!
//! A generator returns `None` where the Python one does (the caller redraws).
//! Every index the Python code writes is in range for the sizes `arc_1d`
//! accepts (at least 8), and never negative (which Python would wrap), so
//! plain slice indexing stands in for Python's list assignment.

use dataset_core::{DatasetError, Random, Result};
use serde::Serialize;

/// A colour, 0 (background) to 9.
pub type Color = u8;

/// One input grid and the output grid the task's rule makes of it; serialized
/// as the reference's `{"input": [...], "output": [...]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Example {
    pub input: Vec<Color>,
    pub output: Vec<Color>,
}

/// What a generator gives: `None` where the reference returns `None`.
pub type Generated = Result<Option<Example>>;

fn example(input: Vec<Color>, output: Vec<Color>) -> Generated {
    Ok(Some(Example { input, output }))
}

/// `rng.randint(a, b)` for bounds that are sizes and positions.
fn randint(rng: &mut Random, a: usize, b: usize) -> Result<usize> {
    Ok(rng.randint(a as i64, b as i64)? as usize)
}

/// `rng.randint(a, b)` for a colour.
fn color(rng: &mut Random, a: Color, b: Color) -> Result<Color> {
    Ok(rng.randint(i64::from(a), i64::from(b))? as Color)
}

/// `[rng.randint(lo, hi) if rng.random() < 0.5 else 0 for _ in range(size)]`.
fn sparse_field(rng: &mut Random, size: usize, lo: Color, hi: Color) -> Result<Vec<Color>> {
    (0..size)
        .map(|_| {
            if rng.random() < 0.5 {
                color(rng, lo, hi)
            } else {
                Ok(0)
            }
        })
        .collect()
}

/// `gen_field`: a field of `size` cells of `color`.
fn gen_field(size: usize, color: Color) -> Vec<Color> {
    vec![color; size]
}

/// `write_block`, in place (the Python copies the field first; every caller
/// replaces the field with the copy).
fn write_block(pos: usize, block: &[Color], field: &mut [Color]) {
    field[pos..pos + block.len()].copy_from_slice(block);
}

/// `gen_field(size)` with one block written at `pos`.
fn field_with_block(size: usize, pos: usize, block: &[Color]) -> Vec<Color> {
    let mut field = gen_field(size, 0);
    write_block(pos, block, &mut field);
    field
}

pub fn task_move_n_pix(rng: &mut Random, size: usize, move_pix: usize, solid: bool) -> Generated {
    if size <= move_pix + 1 {
        return Ok(None);
    }
    let block_size = randint(rng, 1, size - move_pix - 1)?;
    let block_pos = randint(rng, 0, size - block_size - move_pix)?;
    let block = if solid {
        vec![color(rng, 1, 9)?; block_size]
    } else {
        (0..block_size)
            .map(|_| color(rng, 1, 9))
            .collect::<Result<_>>()?
    };
    let question = field_with_block(size, block_pos, &block);
    let answer = field_with_block(size, block_pos + move_pix, &block);
    example(question, answer)
}

pub fn task_move_n_pix_wrapped(
    rng: &mut Random,
    size: usize,
    move_pix: usize,
    solid: bool,
) -> Generated {
    let block_size = randint(rng, 1, size)?;
    let block_pos = randint(rng, 0, size - 1)?;
    let block = if solid {
        vec![color(rng, 1, 9)?; block_size]
    } else {
        (0..block_size)
            .map(|_| color(rng, 1, 9))
            .collect::<Result<_>>()?
    };
    let mut question = gen_field(size, 0);
    let mut answer = gen_field(size, 0);
    for (i, &c) in block.iter().enumerate() {
        question[(block_pos + i) % size] = c;
        answer[(block_pos + move_pix + i) % size] = c;
    }
    example(question, answer)
}

pub fn task_gravity(rng: &mut Random, size: usize) -> Generated {
    let question = sparse_field(rng, size, 1, 9)?;
    let mut answer: Vec<Color> = question.iter().copied().filter(|&x| x != 0).collect();
    answer.resize(size, 0);
    example(question, answer)
}

pub fn task_gravity_counting(rng: &mut Random, size: usize) -> Generated {
    let question = sparse_field(rng, size, 1, 9)?;
    let count = question.iter().filter(|&&x| x != 0).count();
    let mut answer = vec![1; count];
    answer.resize(size, 0);
    example(question, answer)
}

pub fn task_gravity_antigravity(rng: &mut Random, size: usize) -> Generated {
    let question = sparse_field(rng, size, 1, 2)?;
    let ones = question.iter().filter(|&&x| x == 1).count();
    let twos = question.iter().filter(|&&x| x == 2).count();
    let mut answer = vec![2; twos];
    answer.resize(size - ones, 0);
    answer.resize(size, 1);
    example(question, answer)
}

/// Where a block goes beside a dot, as the `block_*_dot*` tasks draw it:
/// `(block_size, dot_pos, is_left)`, or `None` where the block fits on
/// neither side.
fn block_beside_dot(rng: &mut Random, size: usize) -> Result<Option<(usize, usize, bool)>> {
    let block_size = randint(rng, 1, size - 1)?;
    let dot_pos = randint(rng, 0, size - 1)?;
    let can_place_left = dot_pos >= block_size;
    let can_place_right = dot_pos + block_size < size;
    let is_left = match (can_place_left, can_place_right) {
        (false, false) => return Ok(None),
        (true, true) => *rng.choice(&["left", "right"])? == "left",
        (left, _) => left,
    };
    Ok(Some((block_size, dot_pos, is_left)))
}

/// A field with a dot of `dot_color` at `dot_pos`, then a block written over it.
fn dot_and_block(
    size: usize,
    dot_pos: usize,
    dot_color: Color,
    block_pos: usize,
    block: &[Color],
) -> Vec<Color> {
    let mut field = gen_field(size, 0);
    field[dot_pos] = dot_color;
    write_block(block_pos, block, &mut field);
    field
}

pub fn task_block_touch_dot(rng: &mut Random, size: usize) -> Generated {
    let dot_color = 1;
    let block_color = color(rng, 2, 9)?;
    let Some((block_size, dot_pos, is_left)) = block_beside_dot(rng, size)? else {
        return Ok(None);
    };
    let (q_block_pos, a_block_pos) = if is_left {
        (randint(rng, 0, dot_pos - block_size)?, dot_pos - block_size)
    } else {
        (randint(rng, dot_pos + 1, size - block_size)?, dot_pos + 1)
    };
    let block = vec![block_color; block_size];
    example(
        dot_and_block(size, dot_pos, dot_color, q_block_pos, &block),
        dot_and_block(size, dot_pos, dot_color, a_block_pos, &block),
    )
}

pub fn task_block_touch_dot_n_pix(rng: &mut Random, size: usize, move_pix: usize) -> Generated {
    let dot_color = 2;
    let block_color = color(rng, 3, 9)?;
    let Some((block_size, dot_pos, is_left)) = block_beside_dot(rng, size)? else {
        return Ok(None);
    };
    let (q_block_pos, a_block_pos) = if is_left {
        let q = randint(rng, 0, dot_pos - block_size)?;
        let distance = (dot_pos - block_size) - q;
        (q, q + distance.min(move_pix))
    } else {
        let q = randint(rng, dot_pos + 1, size - block_size)?;
        let distance = q - (dot_pos + 1);
        (q, q - distance.min(move_pix))
    };
    let block = vec![block_color; block_size];
    example(
        dot_and_block(size, dot_pos, dot_color, q_block_pos, &block),
        dot_and_block(size, dot_pos, dot_color, a_block_pos, &block),
    )
}

pub fn task_block_scale_to_dot(rng: &mut Random, size: usize) -> Generated {
    let dot_color = 2;
    let block_color = color(rng, 3, 9)?;
    let Some((block_size, dot_pos, is_left)) = block_beside_dot(rng, size)? else {
        return Ok(None);
    };
    let (q_block_pos, new_size, a_block_pos) = if is_left {
        let q = randint(rng, 0, dot_pos - block_size)?;
        (q, dot_pos - q + 1, q)
    } else {
        let q = randint(rng, dot_pos + 1, size - block_size)?;
        (q, (q + block_size) - dot_pos, dot_pos)
    };
    // The scaled block covers the dot in the answer.
    example(
        dot_and_block(
            size,
            dot_pos,
            dot_color,
            q_block_pos,
            &vec![block_color; block_size],
        ),
        dot_and_block(
            size,
            dot_pos,
            dot_color,
            a_block_pos,
            &vec![block_color; new_size],
        ),
    )
}

pub fn task_two_points_and_fill(rng: &mut Random, size: usize) -> Generated {
    let color = color(rng, 1, 9)?;
    let pos1 = randint(rng, 0, size - 1)?;
    let pos2 = randint(rng, 0, size - 1)?;
    if pos1 == pos2 {
        return Ok(None);
    }
    let (pos1, pos2) = (pos1.min(pos2), pos1.max(pos2));
    let mut question = gen_field(size, 0);
    question[pos1] = color;
    question[pos2] = color;
    let mut answer = question.clone();
    answer[pos1..=pos2].fill(color);
    example(question, answer)
}

/// `tuple(c for c in range(1, 9) if c != color)`: colours 1 to 8 (never 9, as
/// in the reference) other than `color`.
fn colors_below_nine_except(color: Color) -> Vec<Color> {
    (1..9).filter(|&c| c != color).collect()
}

/// A block of `block_size` reflected in place: the question and answer fields.
fn reflected(size: usize, pos: usize, mut block: Vec<Color>) -> Generated {
    let question = field_with_block(size, pos, &block);
    block.reverse();
    example(question, field_with_block(size, pos, &block))
}

pub fn task_reflect_block_with_border_pixel(rng: &mut Random, size: usize) -> Generated {
    let block_size = randint(rng, 2, size)?;
    let c1 = color(rng, 1, 9)?;
    let c2 = *rng.choice(&colors_below_nine_except(c1))?;
    let is_left = rng.random() < 0.5;
    let pos = randint(rng, 0, size - block_size)?;
    let mut block = vec![c1; block_size];
    block[if is_left { 0 } else { block_size - 1 }] = c2;
    reflected(size, pos, block)
}

pub fn task_reflect_block_with_border_pixel_random(rng: &mut Random, size: usize) -> Generated {
    let block_size = randint(rng, 2, size)?;
    let is_left = rng.random() < 0.5;
    let pos = randint(rng, 0, size - block_size)?;
    let border_color = color(rng, 1, 9)?;
    let other_colors = colors_below_nine_except(border_color);
    let mut block = (0..block_size)
        .map(|_| Ok(*rng.choice(&other_colors)?))
        .collect::<Result<Vec<_>>>()?;
    block[if is_left { 0 } else { block_size - 1 }] = border_color;
    reflected(size, pos, block)
}

pub fn task_reflect_block_around_dot(rng: &mut Random, size: usize) -> Generated {
    let dot_color = 2;
    let dot_pos = randint(rng, 0, size - 1)?;
    let block_size = randint(rng, 1, size - 1)?;
    let block_pos = randint(rng, 0, size - block_size)?;
    let block_end = block_pos + block_size - 1;
    let strictly_left = block_end < dot_pos;
    let strictly_right = block_pos > dot_pos;
    if !(strictly_left || strictly_right) {
        return Ok(None);
    }
    let block_color = color(rng, 3, 9)?;
    // The reflection's bounds, which may fall off either end.
    let min_reflect = 2 * dot_pos as i64 - block_end as i64;
    let max_reflect = 2 * dot_pos as i64 - block_pos as i64;
    if min_reflect < 0 || max_reflect >= size as i64 {
        return Ok(None);
    }
    let mut question = field_with_block(size, block_pos, &vec![block_color; block_size]);
    question[dot_pos] = dot_color;
    let mut answer = gen_field(size, 0);
    answer[dot_pos] = dot_color;
    answer[min_reflect as usize..=max_reflect as usize].fill(block_color);
    example(question, answer)
}

pub fn task_block_and_noise_remove(rng: &mut Random, size: usize) -> Generated {
    let block_size = randint(rng, 2, size)?;
    let block_pos = randint(rng, 0, size - block_size)?;
    let color = color(rng, 1, 9)?;
    let mut field = gen_field(size, 0);
    field[block_pos..block_pos + block_size].fill(color);

    // The block and the cells touching it take no noise.
    let mut forbidden = vec![false; size];
    forbidden[block_pos.saturating_sub(1)..(block_pos + block_size + 1).min(size)].fill(true);

    let noise_count = randint(rng, 1, 3)?;
    let mut noise_positions = Vec::with_capacity(noise_count);
    for _ in 0..noise_count {
        let allowed: Vec<usize> = (0..size).filter(|&i| !forbidden[i]).collect();
        if allowed.is_empty() {
            break;
        }
        let noise_pos = *rng.choice(&allowed)?;
        noise_positions.push(noise_pos);
        field[noise_pos] = color;
        forbidden[noise_pos.saturating_sub(1)..(noise_pos + 2).min(size)].fill(true);
    }
    if noise_positions.len() < noise_count {
        return Ok(None);
    }
    let mut answer = field.clone();
    for &pos in &noise_positions {
        answer[pos] = 0;
    }
    example(field, answer)
}

pub fn task_block_and_noise_remove_inside(rng: &mut Random, size: usize) -> Generated {
    if size <= 6 {
        return Ok(None);
    }
    let block_size = randint(rng, 6, size)?;
    let block_pos = randint(rng, 0, size - block_size)?;
    let color = color(rng, 1, 9)?;
    let mut field = gen_field(size, 0);
    field[block_pos..block_pos + block_size].fill(color);

    let max_noise = (block_size / 2).saturating_sub(1).max(1);
    let noise_count = randint(rng, 1, max_noise)?;
    let mut positions: Vec<usize> = (0..block_size).collect();
    rng.shuffle(&mut positions);
    let noise_positions = &positions[..noise_count];
    for &offset in noise_positions {
        let mut noise_color = self::color(rng, 1, 9)?;
        while noise_color == color {
            noise_color = self::color(rng, 1, 9)?;
        }
        field[block_pos + offset] = noise_color;
    }
    let mut answer = field.clone();
    for &offset in noise_positions {
        answer[block_pos + offset] = color;
    }
    example(field, answer)
}

/// The dots of the `copy_block_to_dots*` tasks: positions from just past the
/// block, each taken at even odds and then followed by a gap of the block's
/// size. `dot_color` draws each dot's colour (after the coin, before the next).
fn dots(
    rng: &mut Random,
    size: usize,
    block_size: usize,
    mut dot_color: impl FnMut(&mut Random) -> Result<Color>,
) -> Result<Vec<(usize, Color)>> {
    let min_gap = block_size;
    let mut out = Vec::new();
    let mut pos = block_size + block_size / 2 + 1;
    while pos + block_size <= size {
        if rng.random() < 0.5 {
            out.push((pos, dot_color(rng)?));
            pos += min_gap;
        }
        pos += 1;
    }
    Ok(out)
}

/// The question and answer of the `copy_block_to_dots*` tasks: a block at the
/// start, and each dot grown into a block of its colour, centred on it.
fn copy_block_to_dots(
    size: usize,
    block_size: usize,
    block_color: Color,
    dots: &[(usize, Color)],
) -> Generated {
    let block = vec![block_color; block_size];
    let mut question = field_with_block(size, 0, &block);
    let mut answer = question.clone();
    for &(pos, color) in dots {
        question[pos] = color;
        write_block(pos - block_size / 2, &vec![color; block_size], &mut answer);
    }
    example(question, answer)
}

pub fn task_copy_block_to_dots(rng: &mut Random, size: usize) -> Generated {
    let block_size = if rng.random() < 0.5 { 3 } else { 5 };
    if block_size >= size {
        return Ok(None);
    }
    let color = color(rng, 1, 9)?;
    let dots = dots(rng, size, block_size, |_| Ok(color))?;
    if dots.is_empty() {
        return Ok(None);
    }
    copy_block_to_dots(size, block_size, color, &dots)
}

pub fn task_copy_block_to_dots_colors(rng: &mut Random, size: usize) -> Generated {
    let block_size = if rng.random() < 0.5 { 3 } else { 5 };
    if block_size >= size {
        return Ok(None);
    }
    let block_color = color(rng, 1, 9)?;
    let dots = dots(rng, size, block_size, |rng| color(rng, 1, 9))?;
    if dots.is_empty() {
        return Ok(None);
    }
    copy_block_to_dots(size, block_size, block_color, &dots)
}

pub fn task_paint_biggest_block(rng: &mut Random, size: usize) -> Generated {
    let target_color = 1;
    let initial_color = color(rng, 2, 9)?;
    let mut question = gen_field(size, 0);
    let mut blocks: Vec<(usize, usize)> = Vec::new();
    let mut pos = 0;
    while pos < size {
        // The coin is drawn even where no block fits.
        if rng.random() < 0.4 && size - pos >= 2 {
            let block_size = randint(rng, 2, (size - pos).min(6))?;
            blocks.push((pos, block_size));
            question[pos..pos + block_size].fill(initial_color);
            pos += block_size + 1;
        } else {
            pos += 1;
        }
    }
    if blocks.len() < 2 {
        return Ok(None);
    }
    // `max(blocks, key=...)`: the first of the biggest.
    let biggest_size = blocks.iter().map(|b| b.1).max().unwrap_or(0);
    let Some(&(biggest_pos, _)) = blocks.iter().find(|b| b.1 == biggest_size) else {
        return Ok(None);
    };
    if blocks.iter().filter(|b| b.1 == biggest_size).count() > 1 {
        return Ok(None);
    }
    let mut answer = question.clone();
    answer[biggest_pos..biggest_pos + biggest_size].fill(target_color);
    example(question, answer)
}

/// A field of `color` blocks of the given sizes, from the start, one cell apart.
fn packed_blocks(size: usize, color: Color, sizes: impl IntoIterator<Item = usize>) -> Vec<Color> {
    let mut field = gen_field(size, 0);
    let mut pos = 0;
    for block_size in sizes {
        field[pos..pos + block_size].fill(color);
        pos += block_size + 1;
    }
    field
}

pub fn task_sort_blocks_by_size(rng: &mut Random, size: usize) -> Generated {
    let color = color(rng, 1, 9)?;
    let mut blocks: Vec<(usize, usize)> = Vec::new();
    let mut pos = 0;
    while pos < size {
        if rng.random() < 0.4 && size - pos >= 2 {
            let block_size = randint(rng, 1, (size - pos).min(6))?;
            blocks.push((pos, block_size));
            pos += block_size + randint(rng, 1, 4)?;
        } else {
            pos += 1;
        }
    }
    if blocks.len() < 2 {
        return Ok(None);
    }
    let mut question = gen_field(size, 0);
    for &(pos, block_size) in &blocks {
        question[pos..pos + block_size].fill(color);
    }
    // Python's sort is stable, as is `sort_by_key`.
    blocks.sort_by_key(|b| b.1);
    let total_space = blocks.iter().map(|b| b.1).sum::<usize>() + blocks.len() - 1;
    if total_space > size {
        return Ok(None);
    }
    let answer = packed_blocks(size, color, blocks.iter().map(|b| b.1));
    example(question, answer)
}

pub fn task_sort_complete_sequence(rng: &mut Random, size: usize) -> Generated {
    // The largest block size such that blocks 1..=max_size fit, one cell apart.
    let mut max_size = 1;
    let mut total_space = 0;
    while total_space + max_size < size {
        total_space += max_size + 1;
        max_size += 1;
    }
    max_size -= 1;
    if max_size < 2 {
        return Ok(None);
    }
    let color = color(rng, 1, 9)?;
    let mut blocks: Vec<usize> = (1..=max_size).collect();
    rng.shuffle(&mut blocks);
    let question = packed_blocks(size, color, blocks);
    let answer = packed_blocks(size, color, 1..=max_size);
    example(question, answer)
}

pub fn task_recolor_blocks_by_size(rng: &mut Random, size: usize) -> Generated {
    let size1 = randint(rng, 2, 8)?;
    let mut size2 = randint(rng, 2, 8)?;
    while size2 == size1 {
        size2 = randint(rng, 2, 8)?;
    }
    if size1 + size2 + 1 > size {
        return Ok(None);
    }
    let pos1 = randint(rng, 0, size - (size1 + size2 + 1))?;
    let pos2 = randint(rng, pos1 + size1 + 1, size - size2)?;
    let mut question = gen_field(size, 0);
    question[pos1..pos1 + size1].fill(3);
    question[pos2..pos2 + size2].fill(3);
    // The bigger block becomes 1, the smaller 2.
    let (c1, c2) = if size1 > size2 { (1, 2) } else { (2, 1) };
    let mut answer = question.clone();
    answer[pos1..pos1 + size1].fill(c1);
    answer[pos2..pos2 + size2].fill(c2);
    example(question, answer)
}

pub fn task_gravity_one_step(rng: &mut Random, size: usize) -> Generated {
    let question = sparse_field(rng, size, 1, 9)?;
    let mut answer = question.clone();
    // Left to right over the answer as it changes: a pixel that just moved
    // leaves a gap the next one moves into.
    for i in 1..size {
        if answer[i] != 0 && answer[i - 1] == 0 {
            answer[i - 1] = answer[i];
            answer[i] = 0;
        }
    }
    example(question, answer)
}

pub fn task_move_block_by_own_size(rng: &mut Random, size: usize) -> Generated {
    let block_size = randint(rng, 1, size / 2)?;
    let pos = randint(rng, 0, size - block_size * 2)?;
    let block = vec![color(rng, 1, 9)?; block_size];
    example(
        field_with_block(size, pos, &block),
        field_with_block(size, pos + block_size, &block),
    )
}

pub fn task_change_to_five(rng: &mut Random, size: usize) -> Generated {
    let question = sparse_field(rng, size, 1, 9)?;
    let answer = question
        .iter()
        .map(|&x| if x != 0 { 5 } else { 0 })
        .collect();
    example(question, answer)
}

/// Why an item is refused: the reference's generator would never return.
fn loops_forever(what: &str) -> DatasetError {
    DatasetError::Generation(format!("arc_1d: the reference loops forever here ({what})"))
}

pub fn task_recolor_blocks_from_palette(rng: &mut Random, size: usize) -> Generated {
    let block_size = randint(rng, 2, 4)?;
    let mut blocks: Vec<usize> = Vec::new();
    let mut pos = 0;
    while pos + block_size <= size {
        if rng.random() < 0.4 {
            blocks.push(pos);
            pos += block_size + 1;
        } else {
            pos += 1;
        }
    }
    // Drop blocks from the end until the palette fits in front of them.
    while let Some(&last) = blocks.last() {
        if last + block_size + blocks.len() + 1 >= size {
            blocks.pop();
        } else {
            break;
        }
    }
    if blocks.is_empty() {
        return Ok(None);
    }
    // The palette's colours are distinct, drawn from 1 to 9 until new: with
    // ten blocks or more the reference draws the tenth forever (from size 50
    // on this happens; at size 100 nearly always).
    if blocks.len() > 9 {
        return Err(loops_forever(&format!(
            "recolor_blocks_from_palette needs {} distinct colours of 9",
            blocks.len()
        )));
    }
    let palette_size = blocks.len();
    for pos in &mut blocks {
        *pos += palette_size + 1;
    }
    let mut colors: Vec<Color> = Vec::with_capacity(palette_size);
    for _ in 0..palette_size {
        loop {
            let color = color(rng, 1, 9)?;
            if !colors.contains(&color) {
                colors.push(color);
                break;
            }
        }
    }
    let mut question = gen_field(size, 0);
    question[..palette_size].copy_from_slice(&colors);
    for &block_pos in &blocks {
        question[block_pos..block_pos + block_size].fill(5);
    }
    let mut answer = question.clone();
    for (&block_pos, &color) in blocks.iter().zip(&colors) {
        answer[block_pos..block_pos + block_size].fill(color);
    }
    example(question, answer)
}

pub fn task_duplicate_block_from_seeds(rng: &mut Random, size: usize) -> Generated {
    let block_size = randint(rng, 2, 4)?;
    if block_size + 1 >= size || size <= 3 + block_size {
        return Ok(None);
    }
    let block_pos = randint(rng, 2, size - block_size - 2)?;
    let (mut left_seed, mut right_seed) = (false, false);
    while !left_seed && !right_seed {
        left_seed = rng.random() < 0.5;
        right_seed = rng.random() < 0.5;
    }
    let mut question = gen_field(size, 0);
    question[block_pos..block_pos + block_size].fill(1);
    let mut seeds: Vec<(bool, usize, Color)> = Vec::with_capacity(2);
    if left_seed {
        let color = color(rng, 1, 9)?;
        question[block_pos - 2] = color;
        seeds.push((true, block_pos - 2, color));
    }
    if right_seed {
        let color = color(rng, 1, 9)?;
        question[block_pos + block_size + 1] = color;
        seeds.push((false, block_pos + block_size + 1, color));
    }
    let mut answer = question.clone();
    for (is_left, seed_pos, color) in seeds {
        if is_left {
            // Blocks ending at the seed, then every block size plus one to
            // the left; the last one cut off by the edge.
            let mut end_pos = seed_pos as i64;
            while end_pos >= 0 {
                let start_pos = end_pos - block_size as i64 + 1;
                answer[start_pos.max(0) as usize..=end_pos as usize].fill(color);
                if start_pos < 1 {
                    break;
                }
                end_pos = start_pos - 2;
            }
        } else {
            // Blocks starting at the seed, rightwards, the last one cut off.
            let mut start_pos = seed_pos;
            while start_pos < size {
                answer[start_pos..(start_pos + block_size).min(size)].fill(color);
                if start_pos + block_size + 1 >= size {
                    break;
                }
                start_pos += block_size + 1;
            }
        }
    }
    example(question, answer)
}

pub fn task_fill_from_pixel(rng: &mut Random, size: usize) -> Generated {
    if size < 8 {
        return Ok(None);
    }
    let block_size = randint(rng, 3, size - 5)?;
    let block_pos = randint(rng, 2, size - block_size - 2)?;
    let mut question = gen_field(size, 0);
    let block_color = color(rng, 1, 9)?;
    question[block_pos..block_pos + block_size].fill(block_color);
    // Any colour but the block's.
    let mut seed_color = color(rng, 1, 8)?;
    if seed_color >= block_color {
        seed_color += 1;
    }
    let is_left = rng.random() < 0.5;
    let mut answer;
    if is_left {
        question[block_pos - 1] = seed_color;
        answer = question.clone();
        answer[..block_pos].fill(seed_color);
    } else {
        question[block_pos + block_size] = seed_color;
        answer = question.clone();
        answer[block_pos + block_size..].fill(seed_color);
    }
    example(question, answer)
}

pub fn task_mark_size_two_blocks(rng: &mut Random, size: usize) -> Generated {
    if size < 8 {
        return Ok(None);
    }
    // Block sizes, 0 standing for a one-cell gap; one block of size 2 first.
    let mut blocks: Vec<usize> = vec![2];
    let mut pos = 4;
    while pos < size {
        if rng.random() < 0.4 {
            let block_size = randint(rng, 1, 3)?;
            if pos + block_size <= size {
                blocks.push(block_size);
            }
            pos += block_size + 2;
        } else {
            blocks.push(0);
            pos += 1;
        }
    }
    rng.shuffle(&mut blocks);

    // Laid out in the shuffled order, each block followed by a gap of two.
    let mut block_positions: Vec<(usize, usize)> = Vec::new();
    let mut pos = 0;
    for block_size in blocks {
        if block_size == 0 {
            pos += 1;
        } else {
            block_positions.push((pos, block_size));
            pos += block_size + 2;
        }
    }

    let mut question = gen_field(size, 0);
    for &(pos, block_size) in &block_positions {
        // Any colour but the marker's, 3.
        let mut block_color = color(rng, 1, 8)?;
        if block_color >= 3 {
            block_color += 1;
        }
        question[pos..pos + block_size].fill(block_color);
    }
    let mut answer = question.clone();
    for &(pos, block_size) in &block_positions {
        if block_size == 2 {
            if pos > 0 {
                answer[pos - 1] = 3;
            }
            if pos + block_size < size {
                answer[pos + block_size] = 3;
            }
        }
    }
    example(question, answer)
}

pub fn task_fill_until_collision(rng: &mut Random, size: usize) -> Generated {
    if size < 4 {
        return Ok(None);
    }
    let is_left = rng.random() < 0.5;
    let mut question = gen_field(size, 0);
    // The side marker, and the range the pixels are drawn from (not its cell).
    let (lo, hi) = if is_left {
        question[0] = 5;
        (1, size - 1)
    } else {
        question[size - 1] = 5;
        (0, size - 2)
    };
    let num_pixels = randint(rng, 2, 4)?;
    let mut positions: Vec<usize> = Vec::with_capacity(num_pixels);
    for _ in 0..num_pixels {
        loop {
            let pos = randint(rng, lo, hi)?;
            if !positions.contains(&pos) {
                positions.push(pos);
                break;
            }
        }
    }
    for &pos in &positions {
        // Any colour but the marker's, 5.
        let mut c = color(rng, 1, 8)?;
        if c >= 5 {
            c += 1;
        }
        question[pos] = c;
    }
    positions.sort_unstable();

    let mut answer = question.clone();
    if is_left {
        // Each pixel fills rightwards from the previous one (or the marker).
        let mut prev_pos = 0;
        for &pos in &positions {
            answer[prev_pos + 1..pos].fill(question[pos]);
            prev_pos = pos;
        }
    } else {
        let mut prev_pos = size - 1;
        for &pos in positions.iter().rev() {
            answer[pos + 1..prev_pos].fill(question[pos]);
            prev_pos = pos;
        }
    }
    example(question, answer)
}

pub fn task_repeat_pattern_full(rng: &mut Random, size: usize) -> Generated {
    let pattern_size = randint(rng, 2, 5)?;
    let pattern = (0..pattern_size)
        .map(|_| color(rng, 1, 9))
        .collect::<Result<Vec<_>>>()?;
    if pattern_size * 2 >= size {
        return Ok(None);
    }
    let mut question = gen_field(size, 0);
    question[..pattern_size].copy_from_slice(&pattern);
    question[pattern_size..pattern_size * 2].copy_from_slice(&pattern);
    // The pattern repeated to the end, the last copy cut off.
    let answer = pattern.iter().copied().cycle().take(size).collect();
    example(question, answer)
}

pub fn task_gravity_weighted_colors(rng: &mut Random, size: usize) -> Generated {
    let question = sparse_field(rng, size, 1, 2)?;
    let count_1 = question.iter().filter(|&&x| x == 1).count();
    let count_2 = question.iter().filter(|&&x| x == 2).count();
    // The heavier colour 2 first, then 1.
    let mut answer = vec![2; count_2];
    answer.resize(count_2 + count_1, 1);
    answer.resize(size, 0);
    example(question, answer)
}

pub fn task_color_left_half_blocks(rng: &mut Random, size: usize) -> Generated {
    let mut pos = 0;
    let mut question = gen_field(size, 0);
    let mut blocks: Vec<(usize, usize)> = Vec::new();
    while pos < size {
        if rng.random() < 0.4 {
            let block_size = randint(rng, 2, size / 2)?;
            if pos + block_size > size {
                break;
            }
            blocks.push((pos, block_size));
            question[pos..pos + block_size].fill(2);
            pos += block_size + 1;
        } else {
            pos += 1;
        }
    }
    if blocks.len() < 2 {
        return Ok(None);
    }
    let mut answer = question.clone();
    for &(pos, block_size) in &blocks {
        answer[pos..pos + block_size / 2].fill(8);
    }
    example(question, answer)
}

/// `task_mirror`: both grids reversed.
pub fn task_mirror(task_result: Option<Example>) -> Option<Example> {
    task_result.map(|mut e| {
        e.input.reverse();
        e.output.reverse();
        e
    })
}

/// `task_inverse`: input and output swapped.
pub fn task_inverse(task_result: Option<Example>) -> Option<Example> {
    task_result.map(|e| Example {
        input: e.output,
        output: e.input,
    })
}

/// A generator of the table with its keyword arguments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Generator {
    MoveNPix { move_pix: usize, solid: bool },
    MoveNPixWrapped { move_pix: usize, solid: bool },
    Gravity,
    GravityCounting,
    GravityAntigravity,
    GravityOneStep,
    GravityWeightedColors,
    BlockTouchDot,
    BlockTouchDotNPix { move_pix: usize },
    BlockScaleToDot,
    BlockAndNoiseRemove,
    BlockAndNoiseRemoveInside,
    MoveBlockByOwnSize,
    TwoPointsAndFill,
    CopyBlockToDots,
    CopyBlockToDotsColors,
    RepeatPatternFull,
    ReflectBlockWithBorderPixel,
    ReflectBlockWithBorderPixelRandom,
    ReflectBlockAroundDot,
    PaintBiggestBlock,
    RecolorBlocksBySize,
    ChangeToFive,
    RecolorBlocksFromPalette,
    ColorLeftHalfBlocks,
    SortBlocksBySize,
    SortCompleteSequence,
    DuplicateBlockFromSeeds,
    FillFromPixel,
    FillUntilCollision,
    MarkSizeTwoBlocks,
}

impl Generator {
    fn generate(self, rng: &mut Random, size: usize) -> Generated {
        use Generator::*;
        match self {
            MoveNPix { move_pix, solid } => task_move_n_pix(rng, size, move_pix, solid),
            MoveNPixWrapped { move_pix, solid } => {
                task_move_n_pix_wrapped(rng, size, move_pix, solid)
            }
            Gravity => task_gravity(rng, size),
            GravityCounting => task_gravity_counting(rng, size),
            GravityAntigravity => task_gravity_antigravity(rng, size),
            GravityOneStep => task_gravity_one_step(rng, size),
            GravityWeightedColors => task_gravity_weighted_colors(rng, size),
            BlockTouchDot => task_block_touch_dot(rng, size),
            BlockTouchDotNPix { move_pix } => task_block_touch_dot_n_pix(rng, size, move_pix),
            BlockScaleToDot => task_block_scale_to_dot(rng, size),
            BlockAndNoiseRemove => task_block_and_noise_remove(rng, size),
            BlockAndNoiseRemoveInside => task_block_and_noise_remove_inside(rng, size),
            MoveBlockByOwnSize => task_move_block_by_own_size(rng, size),
            TwoPointsAndFill => task_two_points_and_fill(rng, size),
            CopyBlockToDots => task_copy_block_to_dots(rng, size),
            CopyBlockToDotsColors => task_copy_block_to_dots_colors(rng, size),
            RepeatPatternFull => task_repeat_pattern_full(rng, size),
            ReflectBlockWithBorderPixel => task_reflect_block_with_border_pixel(rng, size),
            ReflectBlockWithBorderPixelRandom => {
                task_reflect_block_with_border_pixel_random(rng, size)
            }
            ReflectBlockAroundDot => task_reflect_block_around_dot(rng, size),
            PaintBiggestBlock => task_paint_biggest_block(rng, size),
            RecolorBlocksBySize => task_recolor_blocks_by_size(rng, size),
            ChangeToFive => task_change_to_five(rng, size),
            RecolorBlocksFromPalette => task_recolor_blocks_from_palette(rng, size),
            ColorLeftHalfBlocks => task_color_left_half_blocks(rng, size),
            SortBlocksBySize => task_sort_blocks_by_size(rng, size),
            SortCompleteSequence => task_sort_complete_sequence(rng, size),
            DuplicateBlockFromSeeds => task_duplicate_block_from_seeds(rng, size),
            FillFromPixel => task_fill_from_pixel(rng, size),
            FillUntilCollision => task_fill_until_collision(rng, size),
            MarkSizeTwoBlocks => task_mark_size_two_blocks(rng, size),
        }
    }
}

/// What the table's lambdas do to a generator's result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wrap {
    /// The generator itself.
    Plain,
    /// `task_mirror(...)`: the `*_left` tasks.
    Mirror,
    /// `task_inverse(...)`: the `*_inv` task.
    Inverse,
}

/// An entry of `ARC_1D_TASKS`.
#[derive(Debug, Clone, Copy)]
pub struct Task {
    pub name: &'static str,
    pub generator: Generator,
    pub wrap: Wrap,
}

impl Task {
    /// `task_func(rng, size, **task_kwargs)`.
    pub fn generate(&self, rng: &mut Random, size: usize) -> Generated {
        let result = self.generator.generate(rng, size)?;
        Ok(match self.wrap {
            Wrap::Plain => result,
            Wrap::Mirror => task_mirror(result),
            Wrap::Inverse => task_inverse(result),
        })
    }
}

const fn plain(name: &'static str, generator: Generator) -> Task {
    Task {
        name,
        generator,
        wrap: Wrap::Plain,
    }
}

const fn mirrored(name: &'static str, generator: Generator) -> Task {
    Task {
        name,
        generator,
        wrap: Wrap::Mirror,
    }
}

const fn mv(move_pix: usize, solid: bool) -> Generator {
    Generator::MoveNPix { move_pix, solid }
}

const fn wrapped(move_pix: usize, solid: bool) -> Generator {
    Generator::MoveNPixWrapped { move_pix, solid }
}

/// `ARC_1D_TASKS`, in the dict's order, which `rng.choice` draws from.
pub const ARC_1D_TASKS: [Task; 70] = {
    use Generator::*;
    [
        // Move tasks - right direction
        plain("move_1pix_solid_right", mv(1, true)),
        plain("move_2pix_solid_right", mv(2, true)),
        plain("move_3pix_solid_right", mv(3, true)),
        plain("move_4pix_solid_right", mv(4, true)),
        plain("move_1pix_colorful_right", mv(1, false)),
        plain("move_2pix_colorful_right", mv(2, false)),
        plain("move_3pix_colorful_right", mv(3, false)),
        plain("move_4pix_colorful_right", mv(4, false)),
        // Move tasks - left direction (mirrored)
        mirrored("move_1pix_solid_left", mv(1, true)),
        mirrored("move_2pix_solid_left", mv(2, true)),
        mirrored("move_3pix_solid_left", mv(3, true)),
        mirrored("move_4pix_solid_left", mv(4, true)),
        mirrored("move_1pix_colorful_left", mv(1, false)),
        mirrored("move_2pix_colorful_left", mv(2, false)),
        mirrored("move_3pix_colorful_left", mv(3, false)),
        mirrored("move_4pix_colorful_left", mv(4, false)),
        // Move wrapped tasks - right direction
        plain("move_1pix_solid_wrapped_right", wrapped(1, true)),
        plain("move_2pix_solid_wrapped_right", wrapped(2, true)),
        plain("move_3pix_solid_wrapped_right", wrapped(3, true)),
        plain("move_4pix_solid_wrapped_right", wrapped(4, true)),
        plain("move_1pix_colorful_wrapped_right", wrapped(1, false)),
        plain("move_2pix_colorful_wrapped_right", wrapped(2, false)),
        plain("move_3pix_colorful_wrapped_right", wrapped(3, false)),
        plain("move_4pix_colorful_wrapped_right", wrapped(4, false)),
        // Move wrapped tasks - left direction (mirrored)
        mirrored("move_1pix_solid_wrapped_left", wrapped(1, true)),
        mirrored("move_2pix_solid_wrapped_left", wrapped(2, true)),
        mirrored("move_3pix_solid_wrapped_left", wrapped(3, true)),
        mirrored("move_4pix_solid_wrapped_left", wrapped(4, true)),
        mirrored("move_1pix_colorful_wrapped_left", wrapped(1, false)),
        mirrored("move_2pix_colorful_wrapped_left", wrapped(2, false)),
        mirrored("move_3pix_colorful_wrapped_left", wrapped(3, false)),
        mirrored("move_4pix_colorful_wrapped_left", wrapped(4, false)),
        // Gravity tasks - right direction
        plain("gravity_right", Gravity),
        plain("gravity_counting_right", GravityCounting),
        plain("gravity_antigravity_right", GravityAntigravity),
        plain("gravity_one_step_right", GravityOneStep),
        plain("gravity_weighted_colors_right", GravityWeightedColors),
        // Gravity tasks - left direction (mirrored)
        mirrored("gravity_left", Gravity),
        mirrored("gravity_counting_left", GravityCounting),
        mirrored("gravity_antigravity_left", GravityAntigravity),
        mirrored("gravity_one_step_left", GravityOneStep),
        mirrored("gravity_weighted_colors_left", GravityWeightedColors),
        // Block tasks
        plain("block_touch_dot", BlockTouchDot),
        plain("block_touch_dot_1pix", BlockTouchDotNPix { move_pix: 1 }),
        plain("block_touch_dot_2pix", BlockTouchDotNPix { move_pix: 2 }),
        plain("block_touch_dot_3pix", BlockTouchDotNPix { move_pix: 3 }),
        plain("block_touch_dot_4pix", BlockTouchDotNPix { move_pix: 4 }),
        plain("block_scale_to_dot", BlockScaleToDot),
        plain("block_and_noise_remove", BlockAndNoiseRemove),
        plain("block_and_noise_remove_inside", BlockAndNoiseRemoveInside),
        plain("move_block_by_own_size", MoveBlockByOwnSize),
        // Pattern tasks
        plain("two_points_and_fill", TwoPointsAndFill),
        Task {
            name: "two_points_and_fill_inv",
            generator: TwoPointsAndFill,
            wrap: Wrap::Inverse,
        },
        plain("copy_block_to_dots", CopyBlockToDots),
        plain("copy_block_to_dots_colors", CopyBlockToDotsColors),
        plain("repeat_pattern_full", RepeatPatternFull),
        // Reflection tasks
        plain(
            "reflect_block_with_border_pixel",
            ReflectBlockWithBorderPixel,
        ),
        plain("reflect_block_random", ReflectBlockWithBorderPixelRandom),
        plain("reflect_block_around_dot", ReflectBlockAroundDot),
        // Color tasks
        plain("paint_biggest_block", PaintBiggestBlock),
        plain("recolor_blocks_by_size", RecolorBlocksBySize),
        plain("change_to_five", ChangeToFive),
        plain("recolor_blocks_from_palette", RecolorBlocksFromPalette),
        plain("color_left_half_blocks", ColorLeftHalfBlocks),
        // Sorting tasks
        plain("sort_blocks_by_size", SortBlocksBySize),
        plain("sort_complete_sequence", SortCompleteSequence),
        // Fill tasks
        plain("duplicate_block_from_seeds", DuplicateBlockFromSeeds),
        plain("fill_from_pixel", FillFromPixel),
        plain("fill_until_collision", FillUntilCollision),
        // Marking tasks
        plain("mark_size_two_blocks", MarkSizeTwoBlocks),
    ]
};
