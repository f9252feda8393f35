/**
 * What anonymised records carry in place of the user's data. The columns stay filled because the
 * contract's shapes require them (a masked phone has digits), with values no person has:
 * mainland mobile numbers start with 1, so 000****0000 is never somebody's.
 */
export const ANONYMISED_NICKNAME = '已注销用户';
export const ANONYMISED_PHONE = '00000000000';
export const ANONYMISED_LISTING_TITLE = '该信息已匿名化处理';

/** A kept login keeps its network (enough for the log's legal purpose), not the address of the line. */
export const anonymisedIp = (ip: string) => ip.split('.').slice(0, 2).concat('*', '*').join('.');

/** The retention log's title for a listing that was deleted outright: its own title went with it. */
export const DELETED_LISTING_TITLE = '该信息已删除';
