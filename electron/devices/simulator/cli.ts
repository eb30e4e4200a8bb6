/**
 * Device simulator for humans and end-to-end tests:
 *
 *   npm run sim:devices -- reader --card electron/devices/simulator/cards/resident-health.json
 *   npm run sim:devices -- scanner [--encoding gb18030]
 *
 * Prints the path the app should open as its serial port, then reads commands from stdin.
 */
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadVirtualCard } from './card-file';
import { startSimulator, type Simulator } from './simulator';

const USAGE = `用法 / usage:
  npm run sim:devices -- reader [--card <卡片.json>] [--link-dir <目录>]
  npm run sim:devices -- scanner [--encoding utf-8|gb18030] [--link-dir <目录>]

读卡器模式的命令（每行一条）:
  insert <卡片.json>   插入卡片
  remove               拔出卡片
  garbage              向线路发送一串随机字节
  silent on|off        读卡器不应答 / 恢复应答
  unplug | replug      拔掉 / 插回读卡器（路径不变）
  quit                 退出
扫码枪模式：每输入一行即扫码一次；Ctrl-D 退出。`;

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      card: { type: 'string' },
      'link-dir': { type: 'string' },
      encoding: { type: 'string', default: 'utf-8' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const mode = positionals[0];
  if (values.help === true || (mode !== 'reader' && mode !== 'scanner')) {
    console.log(USAGE);
    process.exitCode = values.help === true ? 0 : 2;
    return;
  }
  const encoding = values.encoding === 'gb18030' ? 'gb18030' : 'utf-8';
  // A fixed folder by default, so the path saved in the app's settings keeps working across runs.
  const linkDir = values['link-dir'] ?? join(tmpdir(), 'township-clinic-sim');
  await mkdir(linkDir, { recursive: true });
  const card = values.card === undefined ? undefined : await loadVirtualCard(values.card);
  const simulator = await startSimulator({ mode, linkDir, ...(card === undefined ? {} : { card }) });

  console.log(mode === 'reader' ? '读卡器模拟器已启动 (card reader simulator running)' : '扫码枪模拟器已启动 (barcode scanner simulator running)');
  console.log('应用请把下面的路径当作串口打开 / open this like a COM port:');
  console.log(`  ${simulator.appPath}`);
  console.log(`  (当前伪终端 / current pty: ${simulator.ptyPath}; 波特率任意 / any baud rate)`);
  if (card !== undefined) console.log(`已插入卡片：${card.label ?? card.kind}`);
  console.log(mode === 'reader' ? '输入 help 查看命令。' : '每输入一行即扫码一次。');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await simulator.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    try {
      if (mode === 'scanner') await simulator.scan(line, { encoding });
      else if (await readerCommand(simulator, line.trim())) break;
    } catch (error) {
      console.log(`出错：${error instanceof Error ? error.message : String(error)}`);
    }
  }
  await stop();
}

/** Runs one reader-mode command; true means quit. */
async function readerCommand(simulator: Simulator, line: string): Promise<boolean> {
  const [command, ...rest] = line.split(/\s+/);
  const argument = rest.join(' ');
  switch (command) {
    case '':
      return false;
    case 'insert': {
      const card = await loadVirtualCard(argument);
      simulator.insert(card);
      console.log(`已插入卡片：${card.label ?? card.kind}`);
      return false;
    }
    case 'remove':
      simulator.remove();
      console.log('已拔出卡片');
      return false;
    case 'garbage':
      await simulator.sendRaw(new Uint8Array(randomBytes(24)));
      console.log('已发送 24 个随机字节');
      return false;
    case 'silent':
      simulator.setBehaviour({ silent: argument !== 'off' });
      console.log(argument === 'off' ? '读卡器恢复应答' : '读卡器不再应答');
      return false;
    case 'unplug':
      await simulator.unplug();
      console.log('读卡器已拔掉');
      return false;
    case 'replug':
      await simulator.replug();
      console.log(`读卡器已插回：${simulator.appPath}`);
      return false;
    case 'quit':
    case 'exit':
      return true;
    case 'help':
      console.log(USAGE);
      return false;
    default:
      console.log(`不认识的命令：${command}（输入 help 查看命令）`);
      return false;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
