#!/usr/bin/env bash
# Rebuilds dictionaries/channel/pairs/: 12 batches of 25 pages per OCR model (eng, vie), then
# 8 batches (13-20) of harsh pages, like low-resolution photocopied scans.
set -u
cd "$(dirname "$0")/.."
for k in $(seq 1 12); do
  node --import tsx scripts/build-channel-pairs.ts --pages 25 --batch "$k" || echo "batch $k failed (exit $?), skipped"
done
# One OCR worker: the harsh pages are small, and the machine is shared.
for k in $(seq 13 20); do
  node --import tsx scripts/build-channel-pairs.ts --pages 25 --batch "$k" --harsh --workers 1 || echo "batch $k failed (exit $?), skipped"
done
