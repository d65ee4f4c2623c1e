#!/usr/bin/env bash
# Rebuilds dictionaries/channel/pairs/: 12 batches of 25 pages per OCR model (eng, vie).
set -u
cd "$(dirname "$0")/.."
for k in $(seq 1 12); do
  node --import tsx scripts/build-channel-pairs.ts --pages 25 --batch "$k" || echo "batch $k failed (exit $?), skipped"
done
