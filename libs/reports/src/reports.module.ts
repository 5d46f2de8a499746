import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { ReportsService } from './reports.service';

@Module({
  imports: [AuthModule],
  providers: [ReportsService],
  exports: [ReportsService],
})
export class ReportsModule {}
