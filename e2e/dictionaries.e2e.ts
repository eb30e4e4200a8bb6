import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpClinic, TEST_CLINIC } from './support/api';
import { openBrowser, screenshot, type BrowserSession } from './support/browser';
import { startClinicServer, type ClinicServer } from './support/server';
import { DictionariesPage } from './pages/dictionaries.page';
import { LoginPage } from './pages/login.page';

describe('管理: ICD-10 and drug dictionaries', () => {
  let server: ClinicServer;
  let browser: BrowserSession;
  let dictionaries: DictionariesPage;

  beforeAll(async () => {
    server = await startClinicServer();
    await setUpClinic(server);
    browser = await openBrowser();
    dictionaries = new DictionariesPage(browser.page);
    await browser.page.goto(server.url);
    await new LoginPage(browser.page).login(TEST_CLINIC.adminUsername, TEST_CLINIC.adminPassword);
    await dictionaries.icdPanel().waitFor({ timeout: 60_000 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('refuses a file that is not a workbook, saying so', async () => {
    await dictionaries.previewIcd('2.0-2022', { name: 'list.xlsx', text: 'not a workbook' });
    await expect.poll(() => dictionaries.icdError().textContent()).toContain('不是有效的 Excel 工作簿');
  });

  it('previews an official list with its rejected rows, then imports it as a new version', async () => {
    const csv = ['疾病编码,疾病名称', 'A01.003,伤寒杆菌性败血症', 'A01.000,伤寒', 'bad,坏编码', 'A01.000,重复'].join('\n');
    await dictionaries.previewIcd('2.0-2022', { name: '国临版.csv', text: csv });
    await expect.poll(() => dictionaries.icdSummary().textContent()).toContain('可导入 2 条，有问题 2 行');
    expect(await dictionaries.icdRejected().textContent()).toContain('与第 3 行重复');
    await screenshot(browser.page, '60-admin-icd-import-preview');
    await dictionaries.applyIcd();
    await expect.poll(() => dictionaries.icdNotice().textContent()).toContain('已导入版本“2.0-2022”，共 2 条诊断');
    await dictionaries.versions().locator('tbody tr', { hasText: '2.0-2022' }).waitFor();
  });

  it('imports a drug list after its preview', async () => {
    const csv = ['药品编码,通用名,剂型,规格,最小单位,包装数量,包装单位', 'AMX025,阿莫西林胶囊,胶囊剂,0.25g,粒,24,盒', 'X1,坏规格,片剂,半片,片,10,盒'].join(
      '\n',
    );
    await dictionaries.previewDrugs({ name: 'drugs.csv', text: csv });
    await expect.poll(() => dictionaries.drugSummary().textContent()).toContain('可导入 1 种药品');
    await dictionaries.applyDrugs();
    await expect.poll(() => dictionaries.drugNotice().textContent()).toContain('已导入 1 种药品');
  });
});
