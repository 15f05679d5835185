/*
 * opsflow: dates in the language the webapp speaks (loaded by each app's config.js customScripts).
 *
 * Camunda 7.24 loads locales/ja.json and, from its dateLocales, updates moment's "ja" locale; it
 * also loads en.json as the fallback, and each load makes its locale moment's current one, so the
 * file that arrives last wins: relative times ("a few seconds ago") and month names came out in
 * English on some page loads and in Japanese on others. Once translations are loaded, this makes
 * the language the app uses ($translate.use()) moment's current locale.
 *
 * The webapps expose moment to scripts only in Cockpit, so it is taken from their shared webpack
 * bundle (lib/deps.js) by its module id in 7.24.0. After an upgrade that changes the id this
 * logs a warning and changes nothing: dates may be English again, nothing else breaks.
 */
const MOMENT_MODULE_ID = 98024;

function bundledMoment() {
  let webpackRequire;
  const chunks = (self.webpackChunkcamunda_bpm_webapp = self.webpackChunkcamunda_bpm_webapp || []);
  chunks.push([['opsflow-date-locale'], {}, (required) => { webpackRequire = required; }]);
  try {
    const moment = webpackRequire && webpackRequire(MOMENT_MODULE_ID);
    return moment && typeof moment.locale === 'function' && typeof moment.updateLocale === 'function' ? moment : null;
  } catch (e) {
    return null;
  }
}

function whenAngularIsReady(callback) {
  const injector = window.angular && window.angular.element(document.documentElement).injector();
  if (injector) {
    callback(injector);
  } else {
    setTimeout(() => whenAngularIsReady(callback), 50);
  }
}

const moment = bundledMoment();
if (!moment) {
  console.warn('opsflow: moment not found in the webapp bundle; dates keep the locale loaded last');
} else {
  whenAngularIsReady((injector) => {
    const $translate = injector.get('$translate');
    const $rootScope = injector.get('$rootScope');
    const follow = () => {
      const language = $translate.use();
      if (language && moment.locale() !== language) {
        moment.locale(language);
        $rootScope.$broadcast('amMoment:localeChanged');
        $rootScope.$applyAsync();
      }
    };
    $rootScope.$on('$translateChangeSuccess', follow);
    // the loader's callback (moment.updateLocale) has run when this fires, for ja and for en
    $rootScope.$on('$translateLoadingSuccess', () => setTimeout(follow));
    follow();
  });
}
