//! magiccube 0.3.0's Rubik's cube, as `rubiks_cube` uses it: the cube of
//! pieces, its moves in Singmaster notation (`CubeMove`), and its text
//! rendering (`CubePrintStr`). magiccube is BSD-3-Clause, (c) 2022 trincaog;
//! see NOTICE. The solver is in `rubik_solver`.
//!
//! magiccube keeps a numpy array of pieces indexed `[x][y][z]` (x: left to
//! right, y: down to up, z: back to front), each piece holding one colour per
//! axis, and turns a slice with `np.rot90`, then swaps the colours of every
//! piece in it across the two axes of the turn. This is the same model over a
//! flat vector; the interior cells have no colours and turn along harmlessly.

use std::fmt;

/// magiccube's `Color`, in its enum order.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Color {
    R,
    O,
    W,
    Y,
    B,
    G,
}

impl Color {
    pub(crate) fn name(self) -> char {
        match self {
            Color::R => 'R',
            Color::O => 'O',
            Color::W => 'W',
            Color::Y => 'Y',
            Color::B => 'B',
            Color::G => 'G',
        }
    }

    /// `CubePrintStr._xterm256_color_map`.
    fn xterm256(self) -> &'static str {
        match self {
            Color::G => "\x1b[48;5;40m\x1b[38;5;232m",
            Color::B => "\x1b[48;5;21m\x1b[38;5;7m",
            Color::R => "\x1b[48;5;196m\x1b[38;5;232m",
            Color::O => "\x1b[48;5;208m\x1b[38;5;232m",
            Color::Y => "\x1b[48;5;226m\x1b[38;5;232m",
            Color::W => "\x1b[48;5;248m\x1b[38;5;232m",
        }
    }
}

/// A piece's colour on the x, y and z axes (`CubePiece._colors`).
pub(crate) type Piece = [Option<Color>; 3];

/// magiccube's `Face`, in its enum order.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Face {
    L,
    R,
    D,
    U,
    B,
    F,
}

impl Face {
    fn axis(self) -> usize {
        match self {
            Face::L | Face::R => 0,
            Face::D | Face::U => 1,
            Face::B | Face::F => 2,
        }
    }
}

/// `CubeMoveType`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum MoveType {
    L,
    R,
    D,
    U,
    B,
    F,
    X,
    Y,
    Z,
    M,
    E,
    S,
}

impl MoveType {
    pub(crate) fn from_name(c: char) -> Option<MoveType> {
        Some(match c {
            'L' => MoveType::L,
            'R' => MoveType::R,
            'D' => MoveType::D,
            'U' => MoveType::U,
            'B' => MoveType::B,
            'F' => MoveType::F,
            'X' => MoveType::X,
            'Y' => MoveType::Y,
            'Z' => MoveType::Z,
            'M' => MoveType::M,
            'E' => MoveType::E,
            'S' => MoveType::S,
            _ => return None,
        })
    }

    pub(crate) fn name(self) -> &'static str {
        match self {
            MoveType::L => "L",
            MoveType::R => "R",
            MoveType::D => "D",
            MoveType::U => "U",
            MoveType::B => "B",
            MoveType::F => "F",
            MoveType::X => "X",
            MoveType::Y => "Y",
            MoveType::Z => "Z",
            MoveType::M => "M",
            MoveType::E => "E",
            MoveType::S => "S",
        }
    }

    fn axis(self) -> usize {
        match self {
            MoveType::L | MoveType::R | MoveType::M | MoveType::X => 0,
            MoveType::D | MoveType::U | MoveType::E | MoveType::Y => 1,
            MoveType::B | MoveType::F | MoveType::S | MoveType::Z => 2,
        }
    }

    pub(crate) fn is_cube_rotation(self) -> bool {
        matches!(self, MoveType::X | MoveType::Y | MoveType::Z)
    }
}

/// `CubeMove`. Equality, as magiccube's `__eq__`, ignores `count`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Move {
    pub(crate) kind: MoveType,
    pub(crate) reversed: bool,
    pub(crate) wide: bool,
    /// Python's int, saturated: any layer past the cube is refused the same way.
    pub(crate) layer: u64,
    pub(crate) count: u64,
}

impl PartialEq for Move {
    fn eq(&self, other: &Move) -> bool {
        self.layer == other.layer
            && self.kind == other.kind
            && self.wide == other.wide
            && self.reversed == other.reversed
    }
}

impl Move {
    pub(crate) fn new(kind: MoveType, reversed: bool) -> Move {
        Move {
            kind,
            reversed,
            wide: false,
            layer: 1,
            count: 1,
        }
    }

    /// `CubeMove.reverse()`.
    pub(crate) fn reverse(self) -> Move {
        Move {
            reversed: !self.reversed,
            ..self
        }
    }

    /// `CubeMove.create`: `^(?:([0-9]*)(([LRDUBF])([w]?)|([XYZMES]))([']?)([0-9]?))$`
    /// under `re.match` (so one trailing `\n` is allowed); `None` where
    /// magiccube raises `CubeException("invalid movement ...")`.
    pub(crate) fn parse(s: &str) -> Option<Move> {
        let s = s.strip_suffix('\n').unwrap_or(s);
        let b = s.as_bytes();
        let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
        let mut rest = &s[digits..];
        let kind = MoveType::from_name(rest.chars().next()?)?;
        rest = &rest[1..];
        let face_move = !matches!(
            kind,
            MoveType::X | MoveType::Y | MoveType::Z | MoveType::M | MoveType::E | MoveType::S
        );
        let wide = face_move && rest.starts_with('w');
        if wide {
            rest = &rest[1..];
        }
        let reversed = rest.starts_with('\'');
        if reversed {
            rest = &rest[1..];
        }
        let count = match rest.as_bytes() {
            [] => 1,
            [d] if d.is_ascii_digit() => u64::from(d - b'0'),
            _ => return None,
        };
        // Special moves ignore the layer digits; a face move's empty layer
        // is 1, or 2 when wide.
        let layer = if !face_move {
            1
        } else if digits == 0 {
            if wide {
                2
            } else {
                1
            }
        } else {
            s[..digits].parse::<u64>().unwrap_or(u64::MAX)
        };
        Some(Move {
            kind,
            reversed,
            wide: wide && face_move,
            layer,
            count,
        })
    }
}

/// `str(CubeMove)`: the layer only where it is not the default, `w`, `'`,
/// then the count unless 1.
impl fmt::Display for Move {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !((self.wide && self.layer == 2) || (!self.wide && self.layer == 1)) {
            write!(f, "{}", self.layer)?;
        }
        f.write_str(self.kind.name())?;
        if self.wide {
            f.write_str("w")?;
        }
        if self.reversed {
            f.write_str("'")?;
        }
        if self.count != 1 {
            write!(f, "{}", self.count)?;
        }
        Ok(())
    }
}

/// magiccube's `CubeException`.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct CubeError(pub(crate) String);

/// magiccube's `Cube`.
#[derive(Clone)]
pub(crate) struct Cube {
    size: usize,
    cells: Vec<Piece>,
}

impl Cube {
    /// `Cube(size)`, solved: red left, orange right, white down, yellow up,
    /// blue back, green front.
    pub(crate) fn new(size: usize) -> Cube {
        let n = size;
        let mut cells = Vec::with_capacity(n * n * n);
        for x in 0..n {
            for y in 0..n {
                for z in 0..n {
                    let end = |i: usize, lo: Color, hi: Color| {
                        if i == 0 {
                            Some(lo)
                        } else if i == n - 1 {
                            Some(hi)
                        } else {
                            None
                        }
                    };
                    let outer = [x, y, z].iter().any(|&i| i == 0 || i == n - 1);
                    cells.push(if outer {
                        [
                            end(x, Color::R, Color::O),
                            end(y, Color::W, Color::Y),
                            end(z, Color::B, Color::G),
                        ]
                    } else {
                        [None; 3]
                    });
                }
            }
        }
        Cube { size, cells }
    }

    fn index(&self, c: [usize; 3]) -> usize {
        (c[0] * self.size + c[1]) * self.size + c[2]
    }

    pub(crate) fn piece(&self, c: [usize; 3]) -> Piece {
        self.cells[self.index(c)]
    }

    /// Every outer position with its piece, in magiccube's x, y, z order.
    pub(crate) fn outer_pieces(&self) -> impl Iterator<Item = ([usize; 3], Piece)> + '_ {
        let n = self.size;
        (0..n * n * n).filter_map(move |i| {
            let c = [i / (n * n), i / n % n, i % n];
            c.iter()
                .any(|&k| k == 0 || k == n - 1)
                .then(|| (c, self.cells[i]))
        })
    }

    /// `_move_to_slice`: the layers a move turns, along its axis.
    fn move_slice(&self, m: &Move) -> Result<std::ops::Range<usize>, CubeError> {
        let n = self.size;
        if !(m.layer >= 1 && m.layer <= n as u64) {
            return Err(CubeError(format!("invalid layer {}", m.layer)));
        }
        let layer = m.layer as usize;
        Ok(match m.kind {
            MoveType::R | MoveType::U | MoveType::F => {
                if m.wide {
                    n - layer..n
                } else {
                    n - layer..n - layer + 1
                }
            }
            MoveType::L | MoveType::D | MoveType::B => {
                if m.wide {
                    0..layer
                } else {
                    layer - 1..layer
                }
            }
            MoveType::M | MoveType::E | MoveType::S => {
                if n % 2 != 1 {
                    return Err(CubeError(
                        "M,E,S moves not allowed for even size cubes".into(),
                    ));
                }
                n / 2..n / 2 + 1
            }
            MoveType::X | MoveType::Y | MoveType::Z => 0..n,
        })
    }

    /// `_get_direction`: `np.rot90`'s k.
    fn direction(m: &Move) -> i32 {
        let d = match m.kind {
            MoveType::R
            | MoveType::D
            | MoveType::F
            | MoveType::E
            | MoveType::S
            | MoveType::X
            | MoveType::Z => -1,
            _ => 1,
        };
        if m.reversed {
            -d
        } else {
            d
        }
    }

    /// `_rotate_once`. Four quarter turns are the identity (positions and the
    /// even number of colour swaps), so `count` turns are `count % 4`; the
    /// slice is checked even when none remain, as magiccube checks it first.
    pub(crate) fn rotate_once(&mut self, m: &Move) -> Result<(), CubeError> {
        let slice = self.move_slice(m)?;
        let direction = Self::direction(m);
        for _ in 0..m.count % 4 {
            self.turn(m.kind.axis(), slice.clone(), direction);
        }
        Ok(())
    }

    /// `rotate` over moves already parsed.
    pub(crate) fn rotate_all<'a>(
        &mut self,
        moves: impl IntoIterator<Item = &'a Move>,
    ) -> Result<(), CubeError> {
        for m in moves {
            self.rotate_once(m)?;
        }
        Ok(())
    }

    /// `rotate(str)`: moves separated by single spaces, all parsed before
    /// any is made.
    pub(crate) fn rotate_str(&mut self, moves: &str) -> Result<(), CubeError> {
        let parsed = parse_moves(moves)?;
        self.rotate_all(&parsed)
    }

    /// One quarter turn of the layers `slice` along `axis`, as
    /// `np.rot90(plane, direction, axes=(p, q))` moves them (p < q the other
    /// axes): k = 1 takes (i, j) from (j, n-1-i), k = -1 from (n-1-j, i);
    /// then each piece's colours on p and q swap (`rotate_piece`).
    fn turn(&mut self, axis: usize, slice: std::ops::Range<usize>, direction: i32) {
        let n = self.size;
        let (p, q) = other_axes(axis);
        let stride = [n * n, n, 1];
        let (sp, sq) = (stride[p], stride[q]);
        // One layer at a time through a stack buffer: at most 6 x 6 pieces.
        let mut plane = [[None; 3]; 36];
        for l in slice {
            let base = l * stride[axis];
            for i in 0..n {
                for j in 0..n {
                    plane[i * n + j] = self.cells[base + i * sp + j * sq];
                }
            }
            for i in 0..n {
                for j in 0..n {
                    let from = if direction == 1 {
                        j * n + (n - 1 - i)
                    } else {
                        (n - 1 - j) * n + i
                    };
                    let mut piece: Piece = plane[from];
                    piece.swap(p, q);
                    self.cells[base + i * sp + j * sq] = piece;
                }
            }
        }
    }

    /// `get_face_flat(face)`: the face's colours row by row, as magiccube
    /// lays each face out (`_cube_face_indexes`).
    pub(crate) fn face(&self, face: Face) -> Vec<Option<Color>> {
        let n = self.size;
        let last = n - 1;
        let mut out = Vec::with_capacity(n * n);
        for r in 0..n {
            for c in 0..n {
                let pos = match face {
                    Face::L => [0, last - r, c],
                    Face::R => [last, last - r, last - c],
                    Face::D => [c, 0, last - r],
                    Face::U => [c, last, r],
                    Face::B => [last - c, last - r, 0],
                    Face::F => [c, last - r, last],
                };
                out.push(self.piece(pos)[face.axis()]);
            }
        }
        out
    }

    /// `is_done`: every face one colour.
    pub(crate) fn is_done(&self) -> bool {
        FACES.iter().all(|&f| {
            let colors = self.face(f);
            colors.iter().all(|c| *c == colors[0])
        })
    }

    /// `str(cube)`: the up face, then left, front, right and back side by
    /// side, then the down face; each sticker ` X `, wrapped in xterm-256
    /// colour codes when `colour` (magiccube colours only when `TERM` is
    /// `xterm-256color`).
    pub(crate) fn render(&self, colour: bool) -> String {
        let n = self.size;
        let mut out = String::with_capacity(n * n * 6 * if colour { 40 } else { 4 } + 16 * n);
        let sticker = |out: &mut String, c: Option<Color>| {
            let name = c.map_or('?', Color::name);
            match c {
                Some(c) if colour => {
                    out.push_str(c.xterm256());
                    out.push(' ');
                    out.push(name);
                    out.push_str(" \x1b[0;0m");
                }
                _ => {
                    out.push(' ');
                    out.push(name);
                    out.push(' ');
                }
            }
        };
        let top_down = |out: &mut String, face: Face| {
            for (i, c) in self.face(face).into_iter().enumerate() {
                if i % n == 0 {
                    out.extend(std::iter::repeat_n(' ', 3 * n));
                }
                sticker(out, c);
                if i % n == n - 1 {
                    out.extend(std::iter::repeat_n(' ', 6 * n));
                    out.push('\n');
                }
            }
        };
        top_down(&mut out, Face::U);
        let middle = [Face::L, Face::F, Face::R, Face::B].map(|f| self.face(f));
        for r in 0..n {
            for face in &middle {
                for &c in &face[r * n..(r + 1) * n] {
                    sticker(&mut out, c);
                }
            }
            out.push('\n');
        }
        top_down(&mut out, Face::D);
        out
    }
}

/// A whole-cube orientation: a rotation as a signed permutation matrix over
/// centred coordinates (`2 * index - (size - 1)`), row r giving new axis r.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Orientation([[i8; 3]; 3]);

impl Orientation {
    const IDENTITY: Orientation = Orientation([[1, 0, 0], [0, 1, 0], [0, 0, 1]]);

    /// The quarter turn `Cube::turn` makes about `axis`: with (p, q) the
    /// other axes, direction 1 sends (p, q) to (-q, p), direction -1 to (q, -p).
    fn quarter(axis: usize, direction: i32) -> Orientation {
        let (p, q) = other_axes(axis);
        let mut m = [[0i8; 3]; 3];
        m[axis][axis] = 1;
        let s = if direction == 1 { 1 } else { -1 };
        m[p][q] = -s;
        m[q][p] = s;
        Orientation(m)
    }

    /// `self` after `first`.
    fn after(self, first: Orientation) -> Orientation {
        let mut m = [[0i8; 3]; 3];
        for (r, row) in m.iter_mut().enumerate() {
            for (c, cell) in row.iter_mut().enumerate() {
                *cell = (0..3).map(|k| self.0[r][k] * first.0[k][c]).sum();
            }
        }
        Orientation(m)
    }

    fn inverse(self) -> Orientation {
        let mut m = [[0i8; 3]; 3];
        for (r, row) in m.iter_mut().enumerate() {
            for (c, cell) in row.iter_mut().enumerate() {
                *cell = self.0[c][r];
            }
        }
        Orientation(m)
    }
}

fn other_axes(axis: usize) -> (usize, usize) {
    match axis {
        0 => (1, 2),
        1 => (0, 2),
        _ => (0, 1),
    }
}

/// A cube that turns whole-cube rotations into a change of frame instead
/// of moving every piece: the cube seen is `frame` applied to `stored`, and a
/// layer turn of the cube seen is the conjugate turn of `stored`. The
/// scorer makes answers of any length this way at the cost of their layer
/// turns alone.
#[derive(Clone)]
pub(crate) struct FramedCube {
    stored: Cube,
    frame: Orientation,
    /// Turns about one stored axis commute: they wait here, as quarter
    /// turns (direction 1) per layer, until a turn about another axis.
    pending_axis: usize,
    pending: [u8; 6],
}

impl FramedCube {
    pub(crate) fn new(cube: Cube) -> FramedCube {
        FramedCube {
            stored: cube,
            frame: Orientation::IDENTITY,
            pending_axis: 0,
            pending: [0; 6],
        }
    }

    /// `Cube._rotate_once`, with the same checks and refusals.
    pub(crate) fn rotate_once(&mut self, m: &Move) -> Result<(), CubeError> {
        let n = self.stored.size;
        let slice = self.stored.move_slice(m)?;
        let direction = Cube::direction(m);
        let turns = m.count % 4;
        let axis = m.kind.axis();
        if slice == (0..n) {
            for _ in 0..turns {
                self.frame = Orientation::quarter(axis, direction).after(self.frame);
            }
            return Ok(());
        }
        // The seen axis is a stored axis b, maybe pointing the other way.
        let Some(b) = (0..3).find(|&b| self.frame.0[axis][b] != 0) else {
            return Ok(());
        };
        let stored_slice = if self.frame.0[axis][b] > 0 {
            slice
        } else {
            n - slice.end..n - slice.start
        };
        let conjugate = self
            .frame
            .inverse()
            .after(Orientation::quarter(axis, direction))
            .after(self.frame);
        let stored_direction = if conjugate == Orientation::quarter(b, 1) {
            1
        } else {
            -1
        };
        if b != self.pending_axis {
            self.flush();
            self.pending_axis = b;
        }
        // A turn in direction -1 is three in direction 1.
        let quarters = if stored_direction == 1 {
            turns
        } else {
            3 * turns
        } % 4;
        for l in stored_slice {
            self.pending[l] = (self.pending[l] + quarters as u8) % 4;
        }
        Ok(())
    }

    /// Makes the waiting turns.
    fn flush(&mut self) {
        for l in 0..self.stored.size {
            match std::mem::take(&mut self.pending[l]) {
                0 => {}
                3 => self.stored.turn(self.pending_axis, l..l + 1, -1),
                k => {
                    for _ in 0..k {
                        self.stored.turn(self.pending_axis, l..l + 1, 1);
                    }
                }
            }
        }
    }

    /// The cube seen: every piece moved by the frame, its colours carried
    /// to the axes they now face.
    pub(crate) fn into_cube(mut self) -> Cube {
        self.flush();
        let n = self.stored.size;
        let f = self.frame.0;
        let mut cells = vec![[None; 3]; n * n * n];
        let centred = |i: usize| 2 * i as i64 - (n as i64 - 1);
        let index_of = |v: i64| ((v + n as i64 - 1) / 2) as usize;
        for x in 0..n {
            for y in 0..n {
                for z in 0..n {
                    let v = [centred(x), centred(y), centred(z)];
                    let w: Vec<i64> = (0..3)
                        .map(|r| (0..3).map(|c| i64::from(f[r][c]) * v[c]).sum())
                        .collect();
                    let old = self.stored.piece([x, y, z]);
                    let mut piece = [None; 3];
                    for (k, colour) in old.into_iter().enumerate() {
                        if let Some(r) = (0..3).find(|&r| f[r][k] != 0) {
                            piece[r] = colour;
                        }
                    }
                    let at = self
                        .stored
                        .index([index_of(w[0]), index_of(w[1]), index_of(w[2])]);
                    cells[at] = piece;
                }
            }
        }
        Cube { size: n, cells }
    }
}

const FACES: [Face; 6] = [Face::L, Face::R, Face::D, Face::U, Face::B, Face::F];

/// The moves of `Cube.rotate(str)`: split on single spaces, empty pieces skipped.
pub(crate) fn parse_moves(moves: &str) -> Result<Vec<Move>, CubeError> {
    moves
        .split(' ')
        .filter(|s| !s.is_empty())
        .map(|s| Move::parse(s).ok_or_else(|| CubeError(format!("invalid movement {s}"))))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_parse_and_print_as_magiccube() {
        // (text, str(CubeMove.create(text))) under magiccube 0.3.0.
        for (text, shown) in [
            ("R", "R"),
            ("U'", "U'"),
            ("Rw", "Rw"),
            ("3Lw'", "3Lw'"),
            ("1Fw", "1Fw"),
            ("2D", "2D"),
            ("R2", "R2"),
            ("2X'3", "X'3"),
            ("M'", "M'"),
            ("U\n", "U"),
        ] {
            assert_eq!(
                Move::parse(text).map(|m| m.to_string()).as_deref(),
                Some(shown),
                "{text}"
            );
        }
        for bad in ["", "r", "Xw", "R''", "R22", "U\n\n", " R", "R'w"] {
            assert!(Move::parse(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn four_turns_are_the_identity_and_a_turn_is_not() {
        for n in 2..=6 {
            let solved = Cube::new(n);
            let mut c = solved.clone();
            c.rotate_str("R U' Fw 2L X").unwrap();
            assert!(!c.is_done());
            let mut d = solved.clone();
            d.rotate_str("R R R R").unwrap();
            assert!(d.is_done());
            assert_eq!(d.render(false), solved.render(false));
        }
    }

    #[test]
    fn framed_cube_matches_turning_every_piece() {
        // SplitMix64 over every kind of move, on every size.
        let mut state = 7u64;
        let mut next = |k: u64| {
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            (z ^ (z >> 31)) % k
        };
        let kinds = "LRDUBFXYZMES";
        for n in 2..=6usize {
            for _ in 0..40 {
                let mut direct = Cube::new(n);
                let mut framed = FramedCube::new(Cube::new(n));
                for _ in 0..30 {
                    let kind =
                        MoveType::from_name(kinds.chars().nth(next(12) as usize).unwrap()).unwrap();
                    let m = Move {
                        kind,
                        reversed: next(2) == 1,
                        wide: next(2) == 1
                            && !matches!(
                                kind,
                                MoveType::X
                                    | MoveType::Y
                                    | MoveType::Z
                                    | MoveType::M
                                    | MoveType::E
                                    | MoveType::S
                            ),
                        layer: 1 + next(n as u64),
                        count: next(5),
                    };
                    assert_eq!(direct.rotate_once(&m), framed.rotate_once(&m));
                }
                let seen = framed.into_cube();
                assert_eq!(direct.cells, seen.cells);
            }
        }
    }
}
