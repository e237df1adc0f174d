#pragma once
// Eigen cuts a large matrix product into blocks sized from the CPU's caches, and the block
// depth sets the order in which each sum is added up. Left alone, the same command prints
// different last digits on a machine with a 48 KiB L1 than on one with 32 KiB, so shards
// run on a mixed cluster, or a corpus recorded on one machine, would not agree byte for byte.

namespace hedgecalc {

/// Fixes Eigen's cache sizes to a common CPU's (32 KiB L1, 1 MiB L2, 32 MiB L3) once per
/// process; call it before any thread computes a product.
void pin_product_blocking();

}  // namespace hedgecalc
