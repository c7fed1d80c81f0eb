import { parseAppConfig } from '@app/platform';
import { CrashSeam } from './crash-seam';

describe('the recognition crash seam (fault injection)', () => {
  afterEach(() => jest.restoreAllMocks());

  it('SIGKILLs the process exactly at the configured point, nowhere else', () => {
    const kill = jest.spyOn(process, 'kill').mockImplementation(() => true);
    const seam = new CrashSeam(parseAppConfig({ RECOGNITION_CRASH_POINT: 'after-commit:OriginRangeLocked' }));
    seam.at('before-commit', 'OriginRangeLocked');
    seam.at('after-commit', 'RecognisedUnitsIssued');
    expect(kill).not.toHaveBeenCalled();
    seam.at('after-commit', 'OriginRangeLocked');
    expect(kill).toHaveBeenCalledWith(process.pid, 'SIGKILL');
  });

  it('does nothing when unset, and the config refuses a malformed point', () => {
    const kill = jest.spyOn(process, 'kill').mockImplementation(() => true);
    new CrashSeam(parseAppConfig({})).at('after-commit', 'OriginRangeLocked');
    expect(kill).not.toHaveBeenCalled();
    expect(() => parseAppConfig({ RECOGNITION_CRASH_POINT: 'sometime' })).toThrow(/RECOGNITION_CRASH_POINT/);
  });
});
