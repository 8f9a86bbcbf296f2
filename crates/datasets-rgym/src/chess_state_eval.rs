//! `chess_state_eval`: questions about a chess position reached by random play.
//!
//! Not in reasoning-gym 0.1.25: the upstream OpenEnv README lists it, so rgym
//! defines it. Each item first draws its task type and a walk length; then,
//! from the start position, plies are played, each a `choice` over the legal
//! moves sorted by their UCI text (so the walk depends only on the seed, not
//! on the move generator's order), stopping early once the game is over
//! (checkmate, stalemate, the fifty-move rule, or a dead draw by insufficient
//! material). Then the task is asked about the side to move.
//!
//! Yes/no tasks are balanced: random play almost never mates or stalemates,
//! so answering "no" would win ~93% of the time. Such an item draws the answer
//! it aims for first (yes or no, even odds) and then searches for a position
//! that has it, at a walk length within `min_moves..=max_moves`: up to
//! [`WALK_ATTEMPTS`] walks, those aiming for "yes" preferring captures (toward
//! the endgames where mates and stalemates happen) and taking a move that
//! reaches the outcome whenever one exists. If none does, the last plain walk
//! stands, whatever its answer (rare for check and mate, common for stalemate
//! within short walks: see the answer distribution in README's dataset notes).
//!
//! Move generation is `cozy-chess` (MIT), checked against perft in the tests.

use cozy_chess::{Board, Color, File, GameStatus, Move, Piece, Rank, Square};
use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Random,
    Result, Seed,
};
use serde_json::json;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "chess_state_eval",
    category: "rgym",
    description: "Answer questions (legal moves, check, mate, material) about a chess position",
    config_class: "ChessStateEvalConfig",
    build,
};

/// In the order the default `task_types` lists them.
pub const TASK_TYPES: [&str; 5] = [
    "legal_move_count",
    "in_check",
    "checkmate",
    "stalemate",
    "material_balance",
];

/// Bounds the work of one item (a move generation per ply); random games
/// rarely last this long before the fifty-move rule ends them anyway.
const MAX_PLIES: i64 = 1000;

/// Walks an item may try while searching for the answer it aims for.
pub const WALK_ATTEMPTS: usize = 16;

/// How often a walk aiming for "yes" plays a capture when it has one.
const CAPTURE_BIAS: f64 = 0.5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Task {
    LegalMoveCount,
    InCheck,
    Checkmate,
    Stalemate,
    MaterialBalance,
}

impl Task {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "legal_move_count" => Task::LegalMoveCount,
            "in_check" => Task::InCheck,
            "checkmate" => Task::Checkmate,
            "stalemate" => Task::Stalemate,
            "material_balance" => Task::MaterialBalance,
            _ => return None,
        })
    }

    fn name(self) -> &'static str {
        match self {
            Task::LegalMoveCount => "legal_move_count",
            Task::InCheck => "in_check",
            Task::Checkmate => "checkmate",
            Task::Stalemate => "stalemate",
            Task::MaterialBalance => "material_balance",
        }
    }

    /// The yes/no question's answer in `board`; `None` for the counting tasks.
    fn holds(self, board: &Board) -> Option<bool> {
        let f = || facts(board);
        match self {
            Task::InCheck => Some(!board.checkers().is_empty()),
            Task::Checkmate => Some(f().checkmate),
            Task::Stalemate => Some(f().stalemate),
            Task::LegalMoveCount | Task::MaterialBalance => None,
        }
    }
}

/// A dead draw: neither side can ever mate (K v K, K+minor v K, and K+B v
/// K+B with the bishops on one colour). FIDE ends the game there.
pub fn insufficient_material(board: &Board) -> bool {
    let heavy = board.pieces(Piece::Pawn) | board.pieces(Piece::Rook) | board.pieces(Piece::Queen);
    if !heavy.is_empty() {
        return false;
    }
    let knights = board.pieces(Piece::Knight);
    let bishops = board.pieces(Piece::Bishop);
    let minors = knights.len() + bishops.len();
    if minors <= 1 {
        return true;
    }
    // Only bishops, all on squares of one colour: none can ever give mate.
    let dark = cozy_chess::BitBoard::DARK_SQUARES;
    knights.is_empty() && ((bishops & dark) == bishops || (bishops & dark).is_empty())
}

/// Whether the game has ended in `board` (mate, stalemate, fifty-move rule,
/// insufficient material).
pub fn game_over(board: &Board) -> bool {
    board.status() != GameStatus::Ongoing || insufficient_material(board)
}

struct ChessStateEval {
    seed: Seed,
    min_moves: i64,
    max_moves: i64,
    task_types: Vec<Task>,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let min_moves = r.int("min_moves", 4);
    let max_moves = r.int("max_moves", 200);
    let task_names = r.str_list("task_types", &TASK_TYPES);
    let v = r.finish()?;
    v.ensure(min_moves >= 0, "min_moves must be non-negative")?;
    v.ensure(max_moves >= min_moves, "max_moves must be >= min_moves")?;
    v.ensure(
        max_moves <= MAX_PLIES,
        format!("max_moves must be <= {MAX_PLIES}"),
    )?;
    v.ensure(!task_names.is_empty(), "task_types must not be empty")?;
    let mut task_types = Vec::with_capacity(task_names.len());
    for name in &task_names {
        let task = Task::parse(name).ok_or_else(|| {
            DatasetError::InvalidConfig(format!(
                "task_types must be chosen from {}, got '{}'",
                TASK_TYPES.map(|t| format!("'{t}'")).join(", "),
                dataset_core::input::echo(name)
            ))
        })?;
        v.ensure(
            !task_types.contains(&task),
            format!("task_types must not contain duplicates, got '{name}' twice"),
        )?;
        task_types.push(task);
    }
    v.done(ChessStateEval {
        seed: p.seed,
        min_moves,
        max_moves,
        task_types,
    })
}

/// Legal moves of `board` with their standard UCI text (castling as `e1g1`,
/// not cozy-chess's king-takes-rook `e1h1`), sorted by that text.
pub fn sorted_legal_moves(board: &Board) -> Vec<(String, Move)> {
    let mut moves = Vec::new();
    board.generate_moves(|pm| {
        moves.extend(pm);
        false
    });
    let mut out: Vec<(String, Move)> = moves
        .into_iter()
        .map(|mv| {
            (
                cozy_chess::util::display_uci_move(board, mv).to_string(),
                mv,
            )
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// What the task types ask, for the side to move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Facts {
    pub legal_moves: usize,
    pub in_check: bool,
    pub checkmate: bool,
    pub stalemate: bool,
    /// White minus Black, P=1 N=3 B=3 R=5 Q=9.
    pub material: i64,
}

pub fn facts(board: &Board) -> Facts {
    let mut legal_moves = 0;
    board.generate_moves(|pm| {
        legal_moves += pm.len();
        false
    });
    let in_check = !board.checkers().is_empty();
    let material_of = |c: Color| -> i64 {
        [
            (Piece::Pawn, 1),
            (Piece::Knight, 3),
            (Piece::Bishop, 3),
            (Piece::Rook, 5),
            (Piece::Queen, 9),
        ]
        .iter()
        .map(|&(p, v)| i64::from(board.colored_pieces(c, p).len()) * v)
        .sum()
    };
    Facts {
        legal_moves,
        in_check,
        checkmate: in_check && legal_moves == 0,
        stalemate: !in_check && legal_moves == 0,
        material: material_of(Color::White) - material_of(Color::Black),
    }
}

/// Ranks 8 to 1 top-down, White uppercase, `.` for empty squares.
pub fn ascii_board(board: &Board) -> String {
    let mut out = String::from("  +-----------------+\n");
    for (i, &rank) in Rank::ALL.iter().enumerate().rev() {
        out.push_str(&(i + 1).to_string());
        out.push_str(" |");
        for &file in &File::ALL {
            let sq = Square::new(file, rank);
            let c = match (board.piece_on(sq), board.color_on(sq)) {
                (Some(p), Some(Color::White)) => char::from(p).to_ascii_uppercase(),
                (Some(p), _) => char::from(p),
                (None, _) => '.',
            };
            out.push(' ');
            out.push(c);
        }
        out.push_str(" |\n");
    }
    out.push_str("  +-----------------+\n    a b c d e f g h");
    out
}

fn yes_no(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

impl ChessStateEval {
    /// A plain walk of up to `plies` random plies from the start position.
    fn walk(&self, rng: &mut Random, plies: i64) -> Result<(Board, Vec<String>)> {
        let mut board = Board::default();
        let mut played = Vec::new();
        for _ in 0..plies {
            // cozy-chess saturates the halfmove clock at 100, so walking on
            // past the fifty-move rule would print a wrong FEN.
            if game_over(&board) {
                break;
            }
            let moves = sorted_legal_moves(&board);
            let (uci, mv) = rng.choice(&moves)?;
            played.push(uci.clone());
            board.play_unchecked(*mv);
        }
        Ok((board, played))
    }

    /// A walk toward a position where `task` is true, ending within
    /// `min_moves..=max_moves` plies; `None` if this walk did not get there.
    fn walk_to_yes(&self, rng: &mut Random, task: Task) -> Result<Option<(Board, Vec<String>)>> {
        let mut board = Board::default();
        let mut played = Vec::new();
        for ply in 0..=self.max_moves {
            if ply >= self.min_moves && task.holds(&board) == Some(true) {
                return Ok(Some((board, played)));
            }
            if ply == self.max_moves || game_over(&board) {
                break;
            }
            let moves = sorted_legal_moves(&board);
            // A move that reaches the outcome, where the walk may end.
            let finishing: Vec<&(String, Move)> = if ply + 1 >= self.min_moves {
                moves
                    .iter()
                    .filter(|(_, mv)| {
                        let mut next = board.clone();
                        next.play_unchecked(*mv);
                        task.holds(&next) == Some(true)
                    })
                    .collect()
            } else {
                Vec::new()
            };
            let (uci, mv) = if !finishing.is_empty() {
                *rng.choice(&finishing)?
            } else {
                let captures: Vec<&(String, Move)> = moves
                    .iter()
                    .filter(|(_, mv)| board.color_on(mv.to) == Some(!board.side_to_move()))
                    .collect();
                if !captures.is_empty() && rng.random() < CAPTURE_BIAS {
                    *rng.choice(&captures)?
                } else {
                    rng.choice(&moves)?
                }
            };
            played.push(uci.clone());
            board.play_unchecked(*mv);
        }
        Ok(None)
    }

    /// The position an item asks about: for a yes/no task, one with the
    /// answer drawn first, searched for within [`WALK_ATTEMPTS`] walks.
    fn position(&self, rng: &mut Random, task: Task, plies: i64) -> Result<(Board, Vec<String>)> {
        if task.holds(&Board::default()).is_none() {
            return self.walk(rng, plies);
        }
        let want_yes = rng.random() < 0.5;
        let mut last = None;
        for _ in 0..WALK_ATTEMPTS {
            if want_yes {
                if let Some(found) = self.walk_to_yes(rng, task)? {
                    return Ok(found);
                }
            } else {
                let (board, played) = self.walk(rng, plies)?;
                if task.holds(&board) == Some(false) {
                    return Ok((board, played));
                }
                last = Some((board, played));
            }
        }
        match last {
            Some(walk) => Ok(walk),
            None => self.walk(rng, plies),
        }
    }
}

impl Dataset for ChessStateEval {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let task = *rng.choice(&self.task_types)?;
        let plies = rng.randint(self.min_moves, self.max_moves)?;
        let (board, played) = self.position(&mut rng, task, plies)?;
        let f = facts(&board);
        let side = match board.side_to_move() {
            Color::White => "White",
            Color::Black => "Black",
        };
        let (ask, answer) = match task {
            Task::LegalMoveCount => (
                format!(
                    "How many legal moves does {side} have in this position? \
                     Answer with a single integer."
                ),
                f.legal_moves.to_string(),
            ),
            Task::InCheck => (
                format!("Is {side} in check? Answer yes or no."),
                yes_no(f.in_check).to_string(),
            ),
            Task::Checkmate => (
                format!("Is {side} checkmated? Answer yes or no."),
                yes_no(f.checkmate).to_string(),
            ),
            Task::Stalemate => (
                format!(
                    "Is {side} stalemated (not in check and without any legal move)? \
                     Answer yes or no."
                ),
                yes_no(f.stalemate).to_string(),
            ),
            Task::MaterialBalance => (
                "What is the material balance in pawns, White's material minus Black's, \
                 counting P=1, N=3, B=3, R=5, Q=9 and not counting kings? \
                 Answer with a single integer."
                    .to_string(),
                f.material.to_string(),
            ),
        };
        let fen = board.to_string();
        let question = format!(
            "Consider this chess position.\n\nFEN: {fen}\n\n{}\n\n\
             White pieces are uppercase, Black pieces lowercase, and '.' is an empty square. \
             It is {side} to move.\n\n{ask}",
            ascii_board(&board)
        );
        let num_moves = played.len();
        Ok(Item {
            question,
            answer,
            metadata: meta! {
                "fen" => fen,
                "moves" => played,
                "num_moves" => num_moves,
                "game_over" => game_over(&board),
                "side_to_move" => side.to_lowercase(),
                "task_type" => task.name(),
                "difficulty" => json!({
                    "moves": [self.min_moves, self.max_moves],
                }),
            },
        })
    }

    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        score_exact(answer, &item.answer)
    }
}

/// A right answer is a few characters; anything much longer is not one, and
/// refusing it early keeps lowercasing a huge answer off the hot path.
const MAX_ANSWER_CHARS: usize = 64;

/// 1.0 when the answer, without its label and final period
/// ([`crate::answer_form`]), equals the oracle: as integers when the oracle is
/// one (so `+20` and `020` count), else case-insensitively (`Yes`). 0.0
/// otherwise, including `None`.
pub fn score_exact(answer: Option<&str>, oracle: &str) -> f64 {
    let Some(answer) = answer else { return 0.0 };
    if answer.len() > MAX_ANSWER_CHARS * 4 {
        return 0.0;
    }
    let got = crate::answer_form::strip(answer);
    if got.len() > MAX_ANSWER_CHARS {
        return 0.0;
    }
    let right = match oracle.trim().parse::<i64>() {
        Ok(want) => got.parse::<i64>() == Ok(want),
        Err(_) => got.to_lowercase() == oracle.trim().to_lowercase(),
    };
    if right {
        1.0
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use dataset_core::testing::{dataset, refused};

    use super::*;

    fn perft(board: &Board, depth: u32) -> u64 {
        if depth == 0 {
            return 1;
        }
        let mut total = 0;
        board.generate_moves(|pm| {
            for mv in pm {
                if depth == 1 {
                    total += 1;
                } else {
                    let mut b = board.clone();
                    b.play_unchecked(mv);
                    total += perft(&b, depth - 1);
                }
            }
            false
        });
        total
    }

    const KIWIPETE: &str = "r3k2r/p1ppqpb1/bn2pnp1/3PN3/1p2P3/2N2Q1p/PPPBBPPP/R3K2R w KQkq - 0 1";

    #[test]
    fn perft_start_position() {
        let b = Board::default();
        for (depth, want) in [(1, 20), (2, 400), (3, 8902), (4, 197_281)] {
            assert_eq!(perft(&b, depth), want, "depth {depth}");
        }
    }

    #[test]
    fn perft_kiwipete() {
        let b: Board = KIWIPETE.parse().unwrap();
        for (depth, want) in [(1, 48), (2, 2039), (3, 97_862)] {
            assert_eq!(perft(&b, depth), want, "depth {depth}");
        }
    }

    #[test]
    fn uci_moves_are_standard_sorted_and_unique() {
        let b: Board = KIWIPETE.parse().unwrap();
        let moves = sorted_legal_moves(&b);
        let names: Vec<&str> = moves.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(names.len(), 48);
        assert!(names.windows(2).all(|w| w[0] < w[1]));
        assert!(names.contains(&"e1g1") && names.contains(&"e1c1"));
        assert!(!names.contains(&"e1h1"));
    }

    #[test]
    fn facts_of_known_positions() {
        let start = facts(&Board::default());
        assert_eq!(
            start,
            Facts {
                legal_moves: 20,
                in_check: false,
                checkmate: false,
                stalemate: false,
                material: 0
            }
        );
        let fools_mate: Board = "rnb1kbnr/pppp1ppp/8/4p3/6Pq/5P2/PPPPP2P/RNBQKBNR w KQkq - 1 3"
            .parse()
            .unwrap();
        let f = facts(&fools_mate);
        assert!(f.in_check && f.checkmate && !f.stalemate && f.legal_moves == 0);
        assert_eq!(f.material, 0);
        let stalemate: Board = "7k/5Q2/6K1/8/8/8/8/8 b - - 0 1".parse().unwrap();
        let f = facts(&stalemate);
        assert!(!f.in_check && !f.checkmate && f.stalemate && f.legal_moves == 0);
        assert_eq!(f.material, 9);
        let kiwi = facts(&KIWIPETE.parse().unwrap());
        assert_eq!((kiwi.legal_moves, kiwi.material), (48, 0));
        let check: Board = "4k3/8/8/8/8/8/4r3/R3K3 w - - 0 1".parse().unwrap();
        let f = facts(&check);
        assert!(f.in_check && !f.checkmate);
        assert_eq!(f.material, 0);
    }

    #[test]
    fn ascii_board_of_start() {
        assert_eq!(
            ascii_board(&Board::default()),
            "  +-----------------+\n\
             8 | r n b q k b n r |\n\
             7 | p p p p p p p p |\n\
             6 | . . . . . . . . |\n\
             5 | . . . . . . . . |\n\
             4 | . . . . . . . . |\n\
             3 | . . . . . . . . |\n\
             2 | P P P P P P P P |\n\
             1 | R N B Q K B N R |\n\
             \x20 +-----------------+\n\
             \x20   a b c d e f g h"
        );
    }

    #[test]
    fn items_replay_to_their_fen_and_answer() {
        let ds = dataset(&INFO, json!({"seed": 3, "min_moves": 0, "max_moves": 300}));
        for i in 0..60 {
            let item = ds.get(i).unwrap();
            let mut b = Board::default();
            for mv in item.metadata["moves"].as_array().unwrap() {
                let mv = cozy_chess::util::parse_uci_move(&b, mv.as_str().unwrap()).unwrap();
                b.try_play(mv).unwrap();
            }
            assert_eq!(item.metadata["fen"], b.to_string());
            assert!(item.question.contains(&b.to_string()));
            let f = facts(&b);
            let want = match item.metadata["task_type"].as_str().unwrap() {
                "legal_move_count" => f.legal_moves.to_string(),
                "in_check" => yes_no(f.in_check).into(),
                "checkmate" => yes_no(f.checkmate).into(),
                "stalemate" => yes_no(f.stalemate).into(),
                "material_balance" => f.material.to_string(),
                t => panic!("unknown task {t}"),
            };
            assert_eq!(item.answer, want);
            assert_eq!(ds.score(Some(&item.answer), &item), 1.0);
            assert_eq!(ds.get(i).unwrap(), item, "not deterministic");
        }
    }

    #[test]
    fn yes_no_tasks_are_balanced_within_the_walk_lengths() {
        for task in ["in_check", "checkmate", "stalemate"] {
            let ds = dataset(&INFO, json!({"seed": 21, "task_types": [task]}));
            let mut yes = 0;
            for i in 0..120 {
                let item = ds.get(i).unwrap();
                yes += usize::from(item.answer == "yes");
                let n = item.metadata["num_moves"].as_i64().unwrap();
                let over = item.metadata["game_over"].as_bool().unwrap();
                assert!(n <= 200 && (n >= 4 || over), "{task} item {i}: {n} plies");
            }
            // Without the balancing, checkmate and stalemate were ~95% "no".
            assert!((36..=84).contains(&yes), "{task}: {yes} of 120 are yes");
        }
    }

    #[test]
    fn dead_draws_by_insufficient_material() {
        let dead = |fen: &str| insufficient_material(&fen.parse::<Board>().unwrap());
        assert!(dead("8/8/4k3/8/8/3K4/8/8 w - - 0 1"));
        assert!(dead("8/8/4k3/8/8/3K4/8/6N1 w - - 0 1"));
        assert!(dead("8/8/4k3/8/8/3K4/8/5B2 b - - 0 1"));
        // Bishops on one colour (f1 and c8 are both light squares).
        assert!(dead("2b5/8/4k3/8/8/3K4/8/5B2 w - - 0 1"));
        assert!(!dead("1b6/8/4k3/8/8/3K4/8/5B2 w - - 0 1"));
        assert!(!dead("8/8/4k3/8/8/3K4/8/5BN1 w - - 0 1"));
        assert!(!dead("8/8/4k3/8/8/3K4/4P3/8 w - - 0 1"));
        assert!(!dead("8/8/4k3/8/8/3K4/8/7R w - - 0 1"));
        assert!(game_over(
            &"8/8/4k3/8/8/3K4/8/8 w - - 0 1".parse::<Board>().unwrap()
        ));
    }

    #[test]
    fn walk_stops_when_the_game_ends() {
        // Long walks reach mates, stalemates or the fifty-move rule sometimes;
        // a finished game must never be continued.
        let ds = dataset(
            &INFO,
            json!({"seed": 11, "min_moves": 1000, "max_moves": 1000, "task_types": ["checkmate"]}),
        );
        let mut ended = 0;
        for i in 0..20 {
            let item = ds.get(i).unwrap();
            let n = item.metadata["num_moves"].as_u64().unwrap();
            let over = item.metadata["game_over"].as_bool().unwrap();
            assert!(n == 1000 || over, "stopped at {n} without the game ending");
            ended += usize::from(over);
        }
        assert!(ended > 0);
    }

    #[test]
    fn validation_messages() {
        assert_eq!(
            refused(&INFO, json!({"seed": 1, "min_moves": -1})),
            "min_moves must be non-negative"
        );
        assert_eq!(
            refused(&INFO, json!({"seed": 1, "min_moves": 5, "max_moves": 4})),
            "max_moves must be >= min_moves"
        );
        assert_eq!(
            refused(&INFO, json!({"seed": 1, "max_moves": 5000})),
            "max_moves must be <= 1000"
        );
        assert_eq!(
            refused(&INFO, json!({"seed": 1, "task_types": []})),
            "task_types must not be empty"
        );
        assert_eq!(
            refused(
                &INFO,
                json!({"seed": 1, "task_types": ["in_check", "best_move"]})
            ),
            "task_types must be chosen from 'legal_move_count', 'in_check', 'checkmate', \
             'stalemate', 'material_balance', got 'best_move'"
        );
        assert_eq!(
            refused(
                &INFO,
                json!({"seed": 1, "task_types": ["in_check", "in_check"]})
            ),
            "task_types must not contain duplicates, got 'in_check' twice"
        );
        assert_eq!(
            refused(&INFO, json!({"seed": 1, "task_types": "in_check"})),
            "ChessStateEvalConfig: task_types must be a list of strings"
        );
    }

    #[test]
    fn scorer() {
        assert_eq!(score_exact(Some("yes"), "yes"), 1.0);
        assert_eq!(score_exact(Some("  YES \n"), "yes"), 1.0);
        assert_eq!(score_exact(Some("no"), "yes"), 0.0);
        // The answer form both native scorers forgive (`answer_form`).
        assert_eq!(score_exact(Some("yes."), "yes"), 1.0);
        assert_eq!(score_exact(Some("Answer: yes."), "yes"), 1.0);
        assert_eq!(score_exact(Some("The answer is -3."), "-3"), 1.0);
        assert_eq!(score_exact(Some("yes.."), "yes"), 0.0);
        assert_eq!(score_exact(Some("Answer: no"), "yes"), 0.0);
        assert_eq!(score_exact(Some("20"), "20"), 1.0);
        assert_eq!(score_exact(Some(" +20 "), "20"), 1.0);
        assert_eq!(score_exact(Some("-3"), "-3"), 1.0);
        assert_eq!(score_exact(Some("3"), "-3"), 0.0);
        assert_eq!(score_exact(Some("20.0"), "20"), 0.0);
        assert_eq!(score_exact(Some("twenty"), "20"), 0.0);
        assert_eq!(score_exact(Some("99999999999999999999999"), "20"), 0.0);
        assert_eq!(score_exact(Some(""), "no"), 0.0);
        assert_eq!(score_exact(None, "no"), 0.0);
        assert_eq!(score_exact(Some("garbage !@# é"), "no"), 0.0);
        assert_eq!(score_exact(Some(&"yes".repeat(1_000_000)), "yes"), 0.0);
        assert_eq!(score_exact(Some(&" ".repeat(1_000_000)), "yes"), 0.0);
    }
}
