import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { buildDailyStatement, dayBounds, type ClearingEvent, type DailyStatement } from '@app/clearing';
import { DomainError } from '@app/domain';
import { CLEARING_EVENT_TYPES, memberStreamId } from '../../../../exchange/src/clearing/clearing-streams';

/**
 * A member's day from the clearing events themselves (its own stream, plus the reservations and
 * settlements that name it), timed by when each event was recorded.
 */
@Injectable()
export class MemberStatements {
  constructor(private readonly dataSource: DataSource) {}

  async statement(member: string, date: string): Promise<DailyStatement> {
    const [known]: unknown[] = await this.dataSource.query(
      'SELECT 1 FROM clearing_members WHERE member_id = $1',
      [member],
    );
    if (!known)
      throw new DomainError('CLEARING.MEMBER_NOT_FOUND', `no member ${member}`, { field: 'memberId' });
    const { end } = dayBounds(date);
    const rows: { type: ClearingEvent['type']; data: ClearingEvent['data']; at: string }[] =
      await this.dataSource.query(
        `SELECT type, data, (extract(epoch FROM recorded_at) * 1000)::bigint AS at FROM events
       WHERE type = ANY($2) AND recorded_at < to_timestamp($3 / 1000.0)
         AND (stream_id = $1 OR (stream_id NOT LIKE 'member-%'
              AND (data->>'member' = $4 OR data->>'buyer' = $4 OR data->>'seller' = $4)))
       ORDER BY global_position`,
        [memberStreamId(member), CLEARING_EVENT_TYPES, end, member],
      );
    return buildDailyStatement(
      member,
      date,
      rows.map((r) => ({ at: Number(r.at), event: { type: r.type, data: r.data } as ClearingEvent })),
    );
  }
}
