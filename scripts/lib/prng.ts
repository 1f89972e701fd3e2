// One seeded generator for the whole project: the demo site's, shared with the benchmarks and tests.
export { mulberry32, Rng } from '../../src/demo-site/prng.js';
