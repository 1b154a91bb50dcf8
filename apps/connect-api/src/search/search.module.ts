import { Module } from '@nestjs/common';
import { IdsModule } from '../ids/ids.module';
import { SeatClassImagesModule } from '../seat-class-images/seat-class-images.module';
import { SearchQueryPipe } from './dto/search-query.pipe';
import { SearchController } from './search.controller';
import { SearchService } from './search.service';

@Module({
  imports: [IdsModule, SeatClassImagesModule],
  controllers: [SearchController],
  providers: [SearchService, SearchQueryPipe],
})
export class SearchModule {}
