// The compile cache first (it only speeds up what is loaded after it), then the tracer before anything it
// instruments (docs/platform.md#traces).
import './compile-cache';
import './tracer';
import { bootstrap } from './bootstrap';

void bootstrap(process.env);
