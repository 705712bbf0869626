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
      this._chart.setOption(JSON.parse(this._option), true);
    }
  }
}

customElements.define('jichao-echart', JichaoEChart);
