// The tracer must be the first import (docs/platform.md#traces).
import './tracer';
import { bootstrap } from './platform/lifecycle/bootstrap';

void bootstrap(process.env);
