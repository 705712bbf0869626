// <jichao-echart>: an Apache ECharts chart whose option the server sets as a JSON string.
// Kept tiny on purpose: the Java side (io.jichao.shared.ui.EChart) builds the whole option.
import * as echarts from 'echarts';

class JichaoEChart extends HTMLElement {
  constructor() {
    super();
    this._option = '';
    this._chart = null;
    this._resize = new ResizeObserver(() => this._chart && this._chart.resize());
  }

  connectedCallback() {
    this.style.display = 'block';
    // A value set before the element was upgraded sits on the instance and hides the setter.
    if (Object.prototype.hasOwnProperty.call(this, 'option')) {
      const early = this.option;
      delete this.option;
      this._option = early || '';
    }
    if (!this._chart) {
      this._chart = echarts.init(this);
    }
    this._resize.observe(this);
    this._apply();
  }

  disconnectedCallback() {
    this._resize.disconnect();
  }

  set option(value) {
    this._option = value || '';
    this._apply();
  }

  get option() {
    return this._option;
  }

  _apply() {
    if (this._chart && this._option) {
      // Series are replaced as a whole (a live chart gains points, a new day has other data);
      // merging the rest keeps what the person chose, such as legend entries switched off.
      this._chart.setOption(JSON.parse(this._option), { replaceMerge: ['series'] });
    }
  }
}

customElements.define('jichao-echart', JichaoEChart);
