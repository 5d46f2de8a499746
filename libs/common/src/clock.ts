import { Injectable } from '@nestjs/common';

/** The source of "now". Injected everywhere time matters so tests can move it instead of waiting. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
