#!/usr/bin/env node
// `npm run bench`: the performance suite lands with the performance issue ([P]); until then
// there is nothing to measure, and this says so instead of pretending.
console.log('bench: no benchmarks yet — they arrive with the performance issue ([P]); see test/bench/README.md');
