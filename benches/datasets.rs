//! Item generation and scoring for every registered dataset, default config.
//! New datasets join automatically through the registry.
//!
//! `rows/*` measures what `rgym generate` does per item on one thread
//! (`dataset_core::export::Renderer`: seed ahead with `pyrandom::prefetch`,
//! generate over a reused item, write the JSON Lines row with
//! `dataset_core::jsonl`) against the plain way in the
//! same run: a fresh item, seeded one by one, turned into a
//! `serde_json::Value` and written by `serde_json::to_writer`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dataset_core::export;
use serde_json::{Map, Value};

const ITEMS: u64 = 64;

/// Rows per iteration of `rows/*`: a few prefetch rounds, as the CLI does.
const ROWS: u64 = 256;

fn config_for(name: &str) -> Map<String, Value> {
    match name {
        // composite has no default: mix two cheap datasets.
        "composite" => serde_json::json!({"datasets": [{"name": "leg_counting", "weight": 2}]})
            .as_object()
            .cloned()
            .unwrap_or_default(),
        _ => Map::new(),
    }
}

fn datasets(c: &mut Criterion) {
    let filter = std::env::var("RGYM_BENCH_DATASETS").ok();
    for info in datasets::registry() {
        if let Some(f) = &filter {
            if !f.split(',').any(|n| n == info.name) {
                continue;
            }
        }
        let Ok(ds) = datasets::create_with(
            info.name,
            &config_for(info.name),
            Some(42.into()),
            Some(1 << 40),
        ) else {
            continue;
        };
        let mut g = c.benchmark_group(format!("dataset/{}", info.name));
        g.throughput(Throughput::Elements(ITEMS));
        g.bench_function("generate", |b| {
            let mut base = 0u64;
            b.iter(|| {
                base += ITEMS;
                for i in base..base + ITEMS {
                    let _ = black_box(ds.get(i));
                }
            })
        });
        let items: Vec<_> = (0..ITEMS).filter_map(|i| ds.get(i).ok()).collect();
        g.bench_function("score", |b| {
            b.iter(|| {
                for item in &items {
                    black_box(ds.score(Some(&item.answer), item));
                    black_box(ds.score(Some("not the answer"), item));
                }
            })
        });
        g.finish();
    }
}

fn rows(c: &mut Criterion) {
    let names = std::env::var("RGYM_BENCH_ROWS")
        .unwrap_or_else(|_| "leg_counting,basic_arithmetic".to_string());
    for name in names.split(',') {
        let Ok(ds) = datasets::create_with(name, &config_for(name), Some(1.into()), Some(1 << 40))
        else {
            continue;
        };
        let mut g = c.benchmark_group(format!("rows/{name}"));
        g.throughput(Throughput::Elements(ROWS));
        let mut buf = Vec::with_capacity(1 << 20);
        let mut base = 0u64;
        g.bench_function("rgym", |b| {
            // The export engine's own row path, on one thread.
            let mut renderer = export::Renderer::new(&ds, export::Format::JsonLines, 0);
            b.iter(|| {
                buf.clear();
                base += ROWS;
                let _ = renderer.render(base..base + ROWS, &mut buf);
                black_box(buf.len())
            })
        });
        g.bench_function("serde_json_value", |b| {
            b.iter(|| {
                buf.clear();
                base += ROWS;
                for index in base..base + ROWS {
                    let Ok(item) = ds.get(index) else { continue };
                    let _ = serde_json::to_writer(&mut buf, &item.to_json(index));
                    buf.push(b'\n');
                }
                black_box(buf.len())
            })
        });
        g.finish();
    }
}

criterion_group!(benches, datasets, rows);
criterion_main!(benches);
