import { livekitSuite } from './livekit-suite';
import { serverSuite } from './sync-server-suite';
import { twoProcessesSuite } from './two-processes-suite';

serverSuite('sqlite');
twoProcessesSuite('sqlite');
livekitSuite('sqlite');
