//! magiccube 0.3.0's `BasicSolver` (layer by layer) and the `MoveOptimizer`
//! it ends with, for the 3x3x3 cube. BSD-3-Clause, (c) 2022 trincaog; see NOTICE.
//!
//! The solver runs stages in order. A stage finds its target pieces by
//! colour, takes the first rule whose conditions (a position, and colour
//! patterns over the piece's colours in x, y, z order, `*` for any) all
//! hold, makes the rule's moves, and repeats while the rule says so, at most
//! twelve times. The rule tables below are magiccube's `solver_stages.py`,
//! in its order; a position `xyz` is the digits of the coordinates.

use crate::rubik::{Cube, CubeError, Move, MoveType, Piece};

struct Rule {
    conditions: &'static [(u16, &'static [&'static str])],
    moves: &'static str,
    again: bool,
}

const fn rule(
    conditions: &'static [(u16, &'static [&'static str])],
    moves: &'static str,
    again: bool,
) -> Rule {
    Rule {
        conditions,
        moves,
        again,
    }
}

struct Stage {
    name: &'static str,
    targets: &'static [&'static str],
    rules: &'static [Rule],
}

#[rustfmt::skip]
const STAGE_RECENTER_DOWN: &[Rule] = &[
    rule(&[(101, &["*"])], "", false),
    rule(&[(121, &["*"])], "X X", false),
    rule(&[(110, &["*"])], "X", false),
    rule(&[(112, &["*"])], "X'", false),
    rule(&[(11, &["*"])], "Z'", false),
    rule(&[(211, &["*"])], "Z", false),
];

#[rustfmt::skip]
const STAGE_RECENTER_FRONT: &[Rule] = &[
    rule(&[(110, &["*"])], "Y Y", false),
    rule(&[(112, &["*"])], "", false),
    rule(&[(11, &["*"])], "Y'", false),
    rule(&[(211, &["*"])], "Y", false),
];

#[rustfmt::skip]
const STAGE_WHITE_CROSS: &[Rule] = &[
    rule(&[(100, &["W*"])], "", false),
    rule(&[(100, &["*W"])], "B D' R D", false),
    rule(&[(201, &["W*"])], "R' B'", false),
    rule(&[(201, &["*W"])], "R' D' R D", false),
    rule(&[(102, &["W*"])], "F F U U B B", false),
    rule(&[(102, &["*W"])], "F' D' R' D", false),
    rule(&[(1, &["W*"])], "L B", false),
    rule(&[(1, &["*W"])], "L D L' D'", false),
    rule(&[(210, &["*W"])], "D' R D", false),
    rule(&[(210, &["W*"])], "B'", false),
    rule(&[(212, &["*W"])], "D' R' D", false),
    rule(&[(212, &["W*"])], "D D F D D", false),
    rule(&[(12, &["*W"])], "D L D'", false),
    rule(&[(12, &["W*"])], "D D F' D D", false),
    rule(&[(10, &["*W"])], "D L' D'", false),
    rule(&[(10, &["W*"])], "B", false),
    rule(&[(120, &["W*"])], "B B", false),
    rule(&[(120, &["*W"])], "B' D' R D", false),
    rule(&[(221, &["W*"])], "U' B D L' D'", false),
    rule(&[(221, &["*W"])], "U' B B", false),
    rule(&[(122, &["W*"])], "U U B B", false),
    rule(&[(122, &["*W"])], "U' D' R D B'", false),
    rule(&[(21, &["W*"])], "U B D L' D'", false),
    rule(&[(21, &["*W"])], "U B B", false),
];

#[rustfmt::skip]
const STAGE_WHITE_CORNER: &[Rule] = &[
    rule(&[(20, &["W**"])], "F' U U F", true),
    rule(&[(20, &["*W*"])], "U U R U' R'", true),
    rule(&[(20, &["**W"])], "R U U R'", true),
    rule(&[(220, &["W**"])], "U' R U U R'", true),
    rule(&[(220, &["*W*"])], "U R U' R'", true),
    rule(&[(220, &["**W"])], "F' U F", true),
    rule(&[(222, &["W**"])], "U' F' U F", true),
    rule(&[(222, &["*W*"])], "R U' R'", true),
    rule(&[(222, &["**W"])], "U R U' R'", true),
    rule(&[(22, &["W**"])], "R U' R'", true),
    rule(&[(22, &["*W*"])], "U' R U' R'", true),
    rule(&[(22, &["**W"])], "U F' U U F", true),
    rule(&[(0, &["W**"])], "B' U B", true),
    rule(&[(0, &["*W*"])], "B' U' B U", true),
    rule(&[(0, &["**W"])], "B' U' B U", true),
    rule(&[(200, &["W**"])], "R' U' R", true),
    rule(&[(200, &["*W*"])], "B U B'", true),
    rule(&[(200, &["**W"])], "B U B'", true),
    rule(&[(202, &["W**"])], "R U R'", true),
    rule(&[(202, &["*W*"])], "", false),
    rule(&[(202, &["**W"])], "R U' R'", true),
    rule(&[(2, &["W**"])], "L' U' L", true),
    rule(&[(2, &["*W*"])], "L' U' L", true),
    rule(&[(2, &["**W"])], "L' U L", true),
];

#[rustfmt::skip]
const STAGE_2ND_LAYER: &[Rule] = &[
    rule(&[(221, &["OB", "GO", "RG", "BR"])], "Y' U U U R U' R' U' F' U F Y", true),
    rule(&[(221, &["BO", "OG", "GR", "RB"])], "U", true),
    rule(&[(120, &["OB", "GO", "RG", "BR"])], "U U", true),
    rule(&[(120, &["BO", "OG", "GR", "RB"])], "Y' U' U R U' R' U' F' U F Y", true),
    rule(&[(21, &["OB", "GO", "RG", "BR"])], "Y' U R U' R' U' F' U F Y", true),
    rule(&[(21, &["BO", "OG", "GR", "RB"])], "U'", true),
    rule(&[(122, &["BO", "OG", "GR", "RB"])], "U' L' U L U F U' F'", true),
    rule(&[(122, &["OB", "GO", "RG", "BR"])], "U' L' U L U F U' F'", false),
    rule(&[(212, &["BO", "OB", "OG", "GO", "GR", "RG", "RB", "BR"])], "U R U' R' U' F' U F", true),
    rule(&[(12, &["BO", "OG", "GR", "RB"])], "U' L' U L U F U' F'", true),
    rule(&[(12, &["OB", "GO", "RG", "BR"])], "", false),
    rule(&[(10, &["BO", "OB", "OG", "GO", "GR", "RG", "RB", "BR"])], "Y' U' L' U L U F U' F' Y", true),
    rule(&[(210, &["BO", "OB", "OG", "GO", "GR", "RG", "RB", "BR"])], "Y U R U' R' U' F' U F Y'", true),
];

#[rustfmt::skip]
const STAGE_TOP_CROSS: &[Rule] = &[
    rule(&[(120, &["Y*"]), (221, &["*Y"]), (122, &["Y*"]), (21, &["*Y"])], "", false),
    rule(&[(120, &["Y*"]), (221, &["*Y"]), (122, &["*Y"]), (21, &["Y*"])], "U'", true),
    rule(&[(120, &["*Y"]), (221, &["*Y"]), (122, &["Y*"]), (21, &["Y*"])], "U U", true),
    rule(&[(120, &["*Y"]), (221, &["Y*"]), (122, &["Y*"]), (21, &["*Y"])], "U", true),
    rule(&[(120, &["Y*"]), (221, &["Y*"]), (122, &["*Y"]), (21, &["*Y"])], "F R U R' U' F'", true),
    rule(&[(120, &["Y*"]), (221, &["Y*"]), (122, &["Y*"]), (21, &["Y*"])], "U", true),
    rule(&[(120, &["*Y"]), (221, &["*Y"]), (122, &["*Y"]), (21, &["*Y"])], "F R U R' U' F'", false),
    rule(&[(120, &["*Y"]), (221, &["Y*"]), (122, &["*Y"]), (21, &["Y*"])], "F R U R' U' F'", true),
];

#[rustfmt::skip]
const STAGE_ORDER_TOP_CROSS: &[Rule] = &[
    rule(&[(120, &["YB"]), (221, &["OY"]), (122, &["YG"]), (21, &["RY"])], "", false),
    rule(&[(120, &["YB"]), (221, &["OY"]), (122, &["GY"]), (21, &["YR"])], "R U R' U R U U R' U", false),
    rule(&[(120, &["YR"]), (221, &["BY"]), (122, &["GY"]), (21, &["YO"])], "R U R' U R U U R' U U'", false),
    rule(&[(120, &["YO"]), (221, &["BY"]), (122, &["YG"]), (21, &["RY"])], "U U R U R' U R U U R' U U U", false),
    rule(&[(120, &["YR"]), (221, &["OY"]), (122, &["YG"]), (21, &["BY"])], "U' R U R' U R U U R' U U", false),
    rule(&[(120, &["YO"]), (221, &["RY"]), (122, &["YG"]), (21, &["BY"])], "U R U R' U R U U R' U", false),
    rule(&[(120, &["YR"]), (221, &["BY"]), (122, &["YG"]), (21, &["OY"])], "R U R' U R U U R' U U'", false),
    rule(&[(120, &["YB"]), (221, &["RY"]), (122, &["YG"]), (21, &["OY"])], "R U R' U R U U R' U", true),
    rule(&[(120, &["YG"]), (221, &["**"]), (122, &["**"]), (21, &["**"])], "U U", true),
    rule(&[(120, &["**"]), (221, &["GY"]), (122, &["**"]), (21, &["**"])], "U", true),
    rule(&[(120, &["**"]), (221, &["**"]), (122, &["**"]), (21, &["GY"])], "U'", true),
];

#[rustfmt::skip]
const STAGE_ORDER_TOP_CORNERS: &[Rule] = &[
    rule(&[(20, &["RYB", "BRY", "YBR"]), (220, &["OYB", "BOY", "YBO"]), (222, &["OYG", "GOY", "YGO"]), (22, &["RYG", "GRY", "YGR"])], "", false),
    rule(&[(20, &["RYB", "BRY", "YBR"]), (220, &["***"]), (222, &["***"]), (22, &["***"])], "Y Y U R U' L' U R' U' L Y Y", true),
    rule(&[(20, &["***"]), (220, &["OYB", "BOY", "YBO"]), (222, &["***"]), (22, &["***"])], "Y U R U' L' U R' U' L Y'", true),
    rule(&[(20, &["***"]), (220, &["***"]), (222, &["OYG", "GOY", "YGO"]), (22, &["***"])], "U R U' L' U R' U' L", true),
    rule(&[(20, &["***"]), (220, &["***"]), (222, &["***"]), (22, &["RYG", "GRY", "YGR"])], "Y' U R U' L' U R' U' L Y", true),
    rule(&[(20, &["***"]), (220, &["***"]), (222, &["***"]), (22, &["***"])], "U R U' L' U R' U' L", true),
];

#[rustfmt::skip]
const STAGE_TURN_TOP_CORNERS: &[Rule] = &[
    rule(&[(20, &["RYB"]), (220, &["OYB"]), (222, &["OYG"]), (22, &["RYG"])], "", false),
    rule(&[(20, &["BYO"]), (220, &["GYO"]), (222, &["GYR"]), (22, &["BYR"])], "U", false),
    rule(&[(20, &["OYG"]), (220, &["RYG"]), (222, &["RYB"]), (22, &["OYB"])], "U U", false),
    rule(&[(20, &["GYR"]), (220, &["BYR"]), (222, &["BYO"]), (22, &["GYO"])], "U'", false),
    rule(&[(20, &["***"]), (220, &["***"]), (222, &["*B*", "*R*", "*G*", "*O*"]), (22, &["***"])], "R' D' R D R' D' R D", true),
    rule(&[(20, &["***"]), (220, &["***"]), (222, &["*Y*"]), (22, &["***"])], "U", true),
];

#[rustfmt::skip]
const STAGES: &[Stage] = &[
    Stage { name: "stage_recenter_down", targets: &["W"], rules: STAGE_RECENTER_DOWN },
    Stage { name: "stage_recenter_front", targets: &["G"], rules: STAGE_RECENTER_FRONT },
    Stage { name: "stage_white_cross_bw", targets: &["BW"], rules: STAGE_WHITE_CROSS },
    Stage { name: "stage_recenter_front_o1", targets: &["O"], rules: STAGE_RECENTER_FRONT },
    Stage { name: "stage_white_cross_rw", targets: &["RW"], rules: STAGE_WHITE_CROSS },
    Stage { name: "stage_recenter_front_b1", targets: &["B"], rules: STAGE_RECENTER_FRONT },
    Stage { name: "stage_white_cross_gw", targets: &["GW"], rules: STAGE_WHITE_CROSS },
    Stage { name: "stage_recenter_front_r1", targets: &["R"], rules: STAGE_RECENTER_FRONT },
    Stage { name: "stage_white_cross_ow", targets: &["OW"], rules: STAGE_WHITE_CROSS },
    Stage { name: "stage_recenter_front_g1", targets: &["G"], rules: STAGE_RECENTER_FRONT },
    Stage { name: "stage_white_corner_gow", targets: &["GOW"], rules: STAGE_WHITE_CORNER },
    Stage { name: "stage_recenter_front_o2", targets: &["O"], rules: STAGE_RECENTER_FRONT },
    Stage { name: "stage_white_corner_bow", targets: &["BOW"], rules: STAGE_WHITE_CORNER },
    Stage { name: "stage_recenter_front_b2", targets: &["B"], rules: STAGE_RECENTER_FRONT },
    Stage { name: "stage_white_corner_brw", targets: &["BRW"], rules: STAGE_WHITE_CORNER },
    Stage { name: "stage_recenter_front_r2", targets: &["R"], rules: STAGE_RECENTER_FRONT },
    Stage { name: "stage_white_corner_grw", targets: &["GRW"], rules: STAGE_WHITE_CORNER },
    Stage { name: "stage_recenter_front_g2", targets: &["G"], rules: STAGE_RECENTER_FRONT },
    Stage { name: "stage_2nd_layer_gr", targets: &["GR"], rules: STAGE_2ND_LAYER },
    Stage { name: "stage_recenter_front_o3", targets: &["O"], rules: STAGE_RECENTER_FRONT },
    Stage { name: "stage_2nd_layer_go", targets: &["GO"], rules: STAGE_2ND_LAYER },
    Stage { name: "stage_recenter_front_b3", targets: &["B"], rules: STAGE_RECENTER_FRONT },
    Stage { name: "stage_2nd_layer_bo", targets: &["BO"], rules: STAGE_2ND_LAYER },
    Stage { name: "stage_recenter_front_r3", targets: &["R"], rules: STAGE_RECENTER_FRONT },
    Stage { name: "stage_2nd_layer_br", targets: &["BR"], rules: STAGE_2ND_LAYER },
    Stage { name: "stage_recenter_front_g3", targets: &["G"], rules: STAGE_RECENTER_FRONT },
    Stage { name: "stage_top_cross", targets: &["YG", "YR", "YB", "YO"], rules: STAGE_TOP_CROSS },
    Stage { name: "stage_order_top_cross", targets: &["YG", "YR", "YB", "YO"], rules: STAGE_ORDER_TOP_CROSS },
    Stage { name: "stage_order_top_corners", targets: &["YRG", "YRB", "YBO", "YGO"], rules: STAGE_ORDER_TOP_CORNERS },
    Stage { name: "stage_turn_top_corners", targets: &["YRG", "YRB", "YBO", "YGO"], rules: STAGE_TURN_TOP_CORNERS },
];

/// `SolverStage.__str__`: `Stage:name | ('BW',)`.
fn stage_label(stage: &Stage) -> String {
    let colors: Vec<String> = stage.targets.iter().map(|t| format!("'{t}'")).collect();
    let tuple = if colors.len() == 1 {
        format!("({},)", colors[0])
    } else {
        format!("({})", colors.join(", "))
    };
    format!("Stage:{} | {tuple}", stage.name)
}

/// `Condition._is_color_match`: the pattern against the piece's colours
/// in x, y, z order, gaps left out.
fn color_match(pattern: &str, piece: &Piece) -> bool {
    let mut colors = piece.iter().flatten();
    pattern.chars().all(|p| match colors.next() {
        _ if p == '*' => true,
        Some(c) => c.name() == p,
        None => false,
    })
}

fn position(c: [usize; 3]) -> u16 {
    (c[0] * 100 + c[1] * 10 + c[2]) as u16
}

/// The set of a piece's colours, as bits of their names' letters.
fn color_set(names: impl Iterator<Item = char>) -> u32 {
    names.fold(0, |set, c| set | 1 << (c as u32 - 'A' as u32))
}

/// `Cube.find_piece`: the first piece, in x, y, z order, with these colours
/// (compared as sets, as magiccube compares the sorted names).
fn find_piece(cube: &Cube, colors: &str) -> Result<([usize; 3], Piece), String> {
    let want = color_set(colors.chars());
    cube.outer_pieces()
        .find(|(_, piece)| {
            let names = piece.iter().flatten().map(|c| c.name());
            names.clone().count() == colors.len() && color_set(names) == want
        })
        .ok_or_else(|| {
            let mut sorted: Vec<char> = colors.chars().collect();
            sorted.sort_unstable();
            format!("piece not found {}", sorted.iter().collect::<String>())
        })
}

/// `repr` of the target pieces in the solver's error: `[((0, 1, 2), GW)]`.
fn pieces_repr(pieces: &[([usize; 3], Piece)]) -> String {
    let items: Vec<String> = pieces
        .iter()
        .map(|(c, p)| {
            let names: String = p.iter().flatten().map(|c| c.name()).collect();
            format!("(({}, {}, {}), {names})", c[0], c[1], c[2])
        })
        .collect();
    format!("[{}]", items.join(", "))
}

/// Why the solver gave up, as magiccube's `SolverException` says it.
#[derive(Debug)]
pub(crate) struct SolverError(pub(crate) String);

/// `BasicSolver(cube).solve()`: the optimized moves; `cube` is left solved
/// (or where the solver stopped).
pub(crate) fn solve(cube: &mut Cube) -> Result<Vec<Move>, SolverError> {
    const MAX_ITERATIONS_PER_STAGE: usize = 12;
    let unable = |e: String| SolverError(format!("('unable to solve cube', CubeException('{e}'))"));
    let mut actions = Vec::new();
    for stage in STAGES {
        let mut iteration = 0;
        while iteration < MAX_ITERATIONS_PER_STAGE {
            iteration += 1;
            let pieces = stage
                .targets
                .iter()
                .map(|t| find_piece(cube, t))
                .collect::<Result<Vec<_>, _>>()
                .map_err(unable)?;
            // A rule holds when every piece meets one of its conditions
            // (any of them: `ConditionAction._is_any_match`).
            let matched = stage.rules.iter().find(|r| {
                pieces.iter().all(|(at, piece)| {
                    r.conditions.iter().any(|&(pos, patterns)| {
                        position(*at) == pos && patterns.iter().any(|p| color_match(p, piece))
                    })
                })
            });
            let Some(rule) = matched else {
                return Err(SolverError(format!(
                    "{}: no valid conditions found for the pieces: {}",
                    stage.name,
                    pieces_repr(&pieces)
                )));
            };
            let moves = crate::rubik::parse_moves(rule.moves).map_err(|CubeError(e)| unable(e))?;
            cube.rotate_all(&moves).map_err(|CubeError(e)| unable(e))?;
            actions.extend(moves);
            if !rule.again {
                break;
            }
        }
        // magiccube checks the count, not whether the stage finished: a
        // stage done on its twelfth pass fails too.
        if iteration >= MAX_ITERATIONS_PER_STAGE {
            return Err(SolverError(format!(
                "stage iteration limit exceeded: {}",
                stage_label(stage)
            )));
        }
    }
    Ok(optimize(&actions))
}

/// `_cube_rotations`: where a whole-cube rotation sends a move's face,
/// and whether the image is reversed (only M, E, S ever are).
fn after_rotation(rotation: Move, kind: MoveType) -> (MoveType, bool) {
    use MoveType::*;
    let table: &[(MoveType, MoveType, bool)] = match (rotation.kind, rotation.reversed) {
        (Y, false) => &[
            (F, R, false),
            (R, B, false),
            (B, L, false),
            (L, F, false),
            (U, U, false),
            (D, D, false),
            (M, S, false),
            (E, E, false),
            (S, M, true),
        ],
        (Y, true) => &[
            (F, L, false),
            (L, B, false),
            (B, R, false),
            (R, F, false),
            (U, U, false),
            (D, D, false),
            (M, S, true),
            (E, E, false),
            (S, M, false),
        ],
        (X, false) => &[
            (F, D, false),
            (D, B, false),
            (B, U, false),
            (U, F, false),
            (L, L, false),
            (R, R, false),
            (M, M, false),
            (E, S, true),
            (S, E, false),
        ],
        (X, true) => &[
            (F, U, false),
            (U, B, false),
            (B, D, false),
            (D, F, false),
            (L, L, false),
            (R, R, false),
            (M, M, false),
            (E, S, false),
            (S, E, true),
        ],
        (Z, false) => &[
            (U, L, false),
            (L, D, false),
            (D, R, false),
            (R, U, false),
            (F, F, false),
            (B, B, false),
            (M, E, false),
            (E, M, true),
            (S, S, false),
        ],
        _ => &[
            (U, R, false),
            (R, D, false),
            (D, L, false),
            (L, U, false),
            (F, F, false),
            (B, B, false),
            (M, E, true),
            (E, M, false),
            (S, S, false),
        ],
    };
    table
        .iter()
        .find(|(from, _, _)| *from == kind)
        .map_or((kind, false), |&(_, to, reversed)| (to, reversed))
}

/// `MoveOptimizer.optimize`: whole-cube rotations are folded into the
/// moves after them, a move followed by its reverse cancels, and three equal
/// moves in a row become the reverse one.
fn optimize(moves: &[Move]) -> Vec<Move> {
    let mut out: Vec<Move> = Vec::new();
    let mut rotations: Vec<Move> = Vec::new();
    for &m in moves {
        if m.kind.is_cube_rotation() {
            rotations.push(m);
            continue;
        }
        let mut m = Move::new(m.kind, m.reversed);
        for &rot in rotations.iter().rev() {
            let (kind, flip) = after_rotation(rot, m.kind);
            m = Move::new(kind, m.reversed != flip);
        }
        let n = out.len();
        if n > 0 && m.reverse() == out[n - 1] {
            out.pop();
        } else if n > 1 && m == out[n - 1] && m == out[n - 2] {
            out.truncate(n - 2);
            out.push(m.reverse());
        } else {
            out.push(m);
        }
    }
    out
}
