//! Item generation and scoring for every registered dataset, default config.
//! New datasets join automatically through the registry.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use serde_json::{Map, Value};

const ITEMS: u64 = 64;

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
        let Ok(ds) =
            datasets::create_with(info.name, &config_for(info.name), Some(42), Some(1 << 40))
        else {
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

criterion_group!(benches, datasets);
criterion_main!(benches);
