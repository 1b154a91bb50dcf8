// The tracer must be the first import (operations.md §4.1).
import './tracer';
import { bootstrap } from './platform/lifecycle/bootstrap';

void bootstrap(process.env);
