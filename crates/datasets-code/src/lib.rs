//! reasoning-gym's `code` package: one module per dataset, named as the dataset.
//!
//! `bfit` (the BF-it compiler) and `bfi` (the interpreter) are the two
//! libraries `bf` calls, each named after the Python package it mirrors;
//! `zss` (tree edit distance) is the one `codeio`'s scorer calls. codeio's
//! items run Python snippets and come from the Python provider (`pyprovider`).

use dataset_core::DatasetInfo;

pub mod bf;
pub mod bfi;
pub mod bfit;
pub mod codeio;
pub mod zss;

/// Every dataset of this crate, for the registry.
pub const DATASETS: &[DatasetInfo] = &[bf::INFO, codeio::INFO];
