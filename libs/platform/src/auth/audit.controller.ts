import { Controller, Get, Query, Req } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import type { AuthenticatedRequest } from './access.guard';
import { AuditQueryDto } from './auth.dto';

export interface AuditEntry {
  globalPosition: number;
  streamId: string;
  type: string;
  recordedAt: string;
  actor: string;
  role: string;
  jurisdiction: string | null;
  ip: string | null;
  apiKeyId: string | null;
  route: string;
}

/** Who did what: the events appended under a request, with its actor and origin (newest first). */
@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @ApiOkResponse({ description: 'Audited events; a regulator sees its own province only, an admin all' })
  async list(@Query() query: AuditQueryDto, @Req() request: AuthenticatedRequest): Promise<AuditEntry[]> {
    const principal = request.principal;
    const jurisdiction = principal?.role === 'regulator' ? principal.province : query.jurisdiction;
    const rows: {
      global_position: string;
      stream_id: string;
      type: string;
      recorded_at: Date;
      audit: Record<string, string | undefined>;
    }[] = await this.dataSource.query(
      `SELECT global_position, stream_id, type, recorded_at, metadata->'audit' AS audit
         FROM events
        WHERE metadata ? 'audit'
          AND ($1::text IS NULL OR metadata->'audit'->>'jurisdiction' = $1)
          AND ($2::text IS NULL OR metadata->'audit'->>'actor' = $2)
          AND ($3::text IS NULL OR type = $3)
        ORDER BY global_position DESC
        LIMIT $4`,
      [jurisdiction ?? null, query.actor ?? null, query.type ?? null, Number(query.limit ?? 100)],
    );
    return rows.map((row) => ({
      globalPosition: Number(row.global_position),
      streamId: row.stream_id,
      type: row.type,
      recordedAt: new Date(row.recorded_at).toISOString(),
      actor: row.audit.actor ?? 'anonymous',
      role: row.audit.role ?? 'anonymous',
      jurisdiction: row.audit.jurisdiction ?? null,
      ip: row.audit.ip ?? null,
      apiKeyId: row.audit.apiKeyId ?? null,
      route: row.audit.route ?? '',
    }));
  }
}
