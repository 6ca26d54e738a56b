import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@baton/auth';
import { LogTransport, MessageTransport } from './message-transport';
import { OutboxDelivery } from './outbox-delivery';
import { OutboxMessageEntity } from './outbox-message.entity';
import { OutboxResolver } from './outbox.resolver';
import { OutboxService } from './outbox.service';
import { outboxPermissions } from './outbox.permissions';

@Global()
@Module({
  imports: [AuthModule.forFeature(outboxPermissions), TypeOrmModule.forFeature([OutboxMessageEntity])],
  providers: [OutboxService, OutboxDelivery, OutboxResolver, { provide: MessageTransport, useClass: LogTransport }],
  exports: [OutboxService, OutboxDelivery],
})
export class OutboxModule {}
