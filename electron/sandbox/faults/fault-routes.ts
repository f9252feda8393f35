import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiFailure } from '../http/failure';
import { readJsonBody, sendJson } from '../http/router';
import type { FaultInjector } from './fault-injector';

/** The control routes of fault mode; they exist only on a sandbox started with `faults: true`. */
export const FAULTS_PATH = '/__faults';

export async function serveFaultControl(faults: FaultInjector, req: IncomingMessage, res: ServerResponse): Promise<void> {
  switch (req.method) {
    case 'PUT':
      faults.put(await readJsonBody(req));
      return sendJson(res, 200, faults.report());
    case 'GET':
      return sendJson(res, 200, faults.report());
    case 'DELETE':
      faults.clear();
      return sendJson(res, 200, faults.report());
    default:
      throw new ApiFailure('not_found', `no route ${req.method} ${FAULTS_PATH}`);
  }
}
