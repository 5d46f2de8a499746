import { applyDecorators, Controller, UseFilters, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@app/auth';
import { CsrfGuard } from './csrf';
import { PageExceptionFilter } from './page-exception.filter';
import { PageLocalsInterceptor } from './page-locals.interceptor';
import { SignedInGuard } from './signed-in.guard';

/**
 * A controller of pages: signed in through the browser session (not a bearer token), every change CSRF-checked,
 * errors answered as pages, `Cache-Control: no-store`, and kept out of the API's OpenAPI document.
 */
export function PageController(prefix = ''): ClassDecorator {
  return applyDecorators(
    Controller(prefix),
    Public(),
    ApiExcludeController(),
    UseGuards(SignedInGuard, CsrfGuard),
    UseInterceptors(PageLocalsInterceptor),
    UseFilters(PageExceptionFilter),
  );
}
