import { runQuality } from './bench/kbQuality';
runQuality();
