export * from './entities';
export * from './dto';
export * from './events';
export * from './case/case-view';
export * from './case/cases.service';
export * from './case/cases.module';
export * from './case/case-deadlines.service';
export * from './integrity';
