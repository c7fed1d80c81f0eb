import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ClosingPriceView, TradingDayDto } from './end-of-day.dto';
import { EndOfDay } from './end-of-day.service';

@ApiTags('end of day')
@Controller()
export class EndOfDayController {
  constructor(private readonly endOfDay: EndOfDay) {}

  @Post('end-of-day')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: [ClosingPriceView],
    description:
      'Closes the day: every instrument’s closing price by the closing rule of the pricing standard in force ' +
      'that day (GET /pricing-standards/in-force), else the national rule (VWAP of the listing trades, else the ' +
      'previous close). From the next day each close is the instrument’s reference price, the centre of its bands.',
  })
  close(@Body() body: TradingDayDto): Promise<ClosingPriceView[]> {
    return this.endOfDay.close(body.date);
  }

  @Get('closing-prices')
  @ApiOkResponse({
    type: [ClosingPriceView],
    description: 'Closing prices of a closed day (empty if not closed)',
  })
  closingPrices(@Query() query: TradingDayDto): Promise<ClosingPriceView[]> {
    return this.endOfDay.closingPrices(query.date);
  }
}
