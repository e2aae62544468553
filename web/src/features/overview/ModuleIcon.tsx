import { CalendarDays, Compass, Handshake, Landmark, MessageSquare, type LucideIcon } from 'lucide-react';
import type { OverviewModule } from '../../api/types';
import { Icon } from '../../components/Icon';

/** The icon of each module an item can come from. Decoration: the module's name is beside it. */
const MODULE_ICON: Record<OverviewModule, LucideIcon> = {
  relations: Handshake,
  feedback: MessageSquare,
  calendar: CalendarDays,
  scans: Compass,
  council: Landmark,
};

export function ModuleIcon({ module, className }: { module: OverviewModule; className?: string }) {
  return <Icon icon={MODULE_ICON[module]} className={className} />;
}
