import { ipcChannels, type ChannelName } from '../../../shared/ipc/contract';
import type { Role } from '../../../shared/platform/roles';
import { useStaff } from '../../app/staff-context';

/**
 * Whether a staff member with these roles may call a channel, read from the contract's access
 * list so the button and the router can never disagree (the DPO, who may not reveal, sees none).
 */
export function mayCall(channel: ChannelName, staffRoles: readonly Role[]): boolean {
  const access = ipcChannels[channel].access;
  if (access === 'anyone' || access === 'signed_in') return true;
  return access.some((role) => staffRoles.includes(role));
}

export function useMayCall(channel: ChannelName): boolean {
  const staff = useStaff();
  return staff ? mayCall(channel, staff.roles) : false;
}
