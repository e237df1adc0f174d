#include "hedgecalc/plot.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <vector>

#include "hedgecalc/error.hpp"
#include "number_format.hpp"

namespace hedgecalc {
namespace {

constexpr double kWidth = 960, kHeight = 650;
// Room on the right for the last date label, which is centred on the edge.
constexpr double kLeft = 80, kRight = 50;
constexpr size_t kBuckets = 1200;

struct Panel {
  double top, height;
  double low, high;  // value range
  std::string title, axis_label;
};

struct Line {
  const std::vector<double>* values;
  const char* colour;
  const char* name;
};

std::string fmt(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", v);
  return buffer;
}

// Mean time and value of each bucket of dates; NaN values are left out, and a bucket
// with none breaks the line.
std::vector<std::pair<double, double>> bucketed(const std::vector<Timestamp>& time,
                                                const std::vector<double>& values) {
  const size_t n = values.size();
  const size_t buckets = std::min(n, kBuckets);
  std::vector<std::pair<double, double>> points;
  for (size_t b = 0; b < buckets; ++b) {
    const size_t begin = b * n / buckets, end = (b + 1) * n / buckets;
    double sum = 0, t_sum = 0, count = 0;
    for (size_t i = begin; i < end; ++i) {
      if (std::isnan(values[i])) continue;
      sum += values[i], t_sum += static_cast<double>(time[i]), count += 1;
    }
    points.emplace_back(count > 0 ? t_sum / count : NAN, count > 0 ? sum / count : NAN);
  }
  return points;
}

void value_range(const std::vector<const std::vector<double>*>& series, double& low,
                 double& high) {
  low = INFINITY, high = -INFINITY;
  for (const auto* values : series) {
    for (double v : *values) {
      if (!std::isnan(v)) low = std::min(low, v), high = std::max(high, v);
    }
  }
  if (!(low <= high)) low = 0, high = 1;
  if (high - low < 1e-12 * std::max(1.0, std::fabs(high))) low -= 0.5, high += 0.5;
  const double margin = (high - low) * 0.05;
  low -= margin, high += margin;
}

class Canvas {
 public:
  Canvas(Timestamp first, Timestamp last) : first_(first), last_(last) {}

  double x_of(double t) const {
    const double span = std::max(1.0, static_cast<double>(last_ - first_));
    return kLeft + (t - static_cast<double>(first_)) / span * (kWidth - kLeft - kRight);
  }
  static double y_of(const Panel& p, double v) {
    return p.top + (p.high - v) / (p.high - p.low) * p.height;
  }

  void panel(const Panel& p, bool date_only, const std::vector<Timestamp>& time) {
    const double right = kWidth - kRight;
    svg_ << "<text x=\"" << kLeft << "\" y=\"" << fmt(p.top - 10)
         << "\" font-size=\"15\" font-weight=\"bold\">" << xml_escape(p.title) << "</text>\n";
    svg_ << "<rect x=\"" << kLeft << "\" y=\"" << fmt(p.top) << "\" width=\""
         << fmt(right - kLeft) << "\" height=\"" << fmt(p.height)
         << "\" fill=\"none\" stroke=\"#999\"/>\n";
    for (double tick : nice_ticks(p.low, p.high, 5)) {
      const double y = y_of(p, tick);
      svg_ << "<line x1=\"" << kLeft << "\" x2=\"" << fmt(right) << "\" y1=\"" << fmt(y)
           << "\" y2=\"" << fmt(y) << "\" stroke=\"#e4e4e4\"/>\n";
      svg_ << "<text x=\"" << fmt(kLeft - 6) << "\" y=\"" << fmt(y + 4)
           << "\" font-size=\"11\" text-anchor=\"end\">" << format_significant(tick, 4)
           << "</text>\n";
    }
    const double middle = p.top + p.height / 2;
    svg_ << "<text x=\"18\" y=\"" << fmt(middle) << "\" font-size=\"12\" text-anchor=\"middle\""
         << " transform=\"rotate(-90 18 " << fmt(middle) << ")\">" << xml_escape(p.axis_label)
         << "</text>\n";
    // Date ticks along the bottom edge of the panel.
    const double bottom = p.top + p.height;
    const int ticks = 6;
    for (int i = 0; i <= ticks; ++i) {
      const size_t index = (time.size() - 1) * static_cast<size_t>(i) / ticks;
      const double x = x_of(static_cast<double>(time[index]));
      svg_ << "<line x1=\"" << fmt(x) << "\" x2=\"" << fmt(x) << "\" y1=\"" << fmt(bottom)
           << "\" y2=\"" << fmt(bottom + 5) << "\" stroke=\"#666\"/>\n";
      svg_ << "<text x=\"" << fmt(x) << "\" y=\"" << fmt(bottom + 18)
           << "\" font-size=\"11\" text-anchor=\"middle\">"
           << format_timestamp(time[index], date_only).substr(0, date_only ? 10 : 16)
           << "</text>\n";
    }
  }

  void line(const Panel& p, const std::vector<Timestamp>& time, const Line& line) {
    std::string points;
    auto flush = [&] {
      if (points.empty()) return;
      svg_ << "<polyline fill=\"none\" stroke=\"" << line.colour
           << "\" stroke-width=\"1.5\" points=\"" << points << "\"/>\n";
      points.clear();
    };
    for (const auto& [t, v] : bucketed(time, *line.values)) {
      if (std::isnan(v)) {
        flush();
        continue;
      }
      points += fmt(x_of(t)) + "," + fmt(y_of(p, v)) + " ";
    }
    flush();
  }

  void level(const Panel& p, double value, const char* colour) {
    const double y = y_of(p, value);
    svg_ << "<line x1=\"" << kLeft << "\" x2=\"" << fmt(kWidth - kRight) << "\" y1=\"" << fmt(y)
         << "\" y2=\"" << fmt(y) << "\" stroke=\"" << colour
         << "\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\n";
  }

  void legend(double x, double y, const char* colour, const std::string& name, bool dashed) {
    svg_ << "<line x1=\"" << fmt(x) << "\" x2=\"" << fmt(x + 24) << "\" y1=\"" << fmt(y - 4)
         << "\" y2=\"" << fmt(y - 4) << "\" stroke=\"" << colour << "\" stroke-width=\"2\""
         << (dashed ? " stroke-dasharray=\"6 4\"" : "") << "/>\n";
    svg_ << "<text x=\"" << fmt(x + 30) << "\" y=\"" << fmt(y) << "\" font-size=\"12\">"
         << xml_escape(name) << "</text>\n";
  }

  /// The document's opening: size, white background, and the title line.
  void begin(const std::string& title) {
    svg_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << kWidth << "\" height=\""
         << kHeight << "\" viewBox=\"0 0 " << kWidth << ' ' << kHeight
         << "\" font-family=\"sans-serif\">\n"
         << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
         << "<text x=\"" << kLeft << "\" y=\"28\" font-size=\"18\">" << xml_escape(title)
         << "</text>\n";
  }

  std::ostringstream& out() { return svg_; }

 private:
  Timestamp first_, last_;
  std::ostringstream svg_;
};

}  // namespace

std::string xml_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::vector<double> nice_ticks(double low, double high, int target_count) {
  std::vector<double> ticks;
  if (!(high > low)) return {low};
  const double raw = (high - low) / target_count;
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  double step = power;
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    step = m * power;
    if (step >= raw) break;
  }
  for (double t = std::ceil(low / step) * step; t <= high + step * 1e-9; t += step) {
    ticks.push_back(std::fabs(t) < step * 1e-9 ? 0.0 : t);
  }
  return ticks;
}

std::string render_plot(const Analysis& analysis) {
  const std::vector<Timestamp>& time = analysis.returns.time;
  const double full_ratio = analysis.full.proxies[0].hedge_ratio;
  std::vector<Line> ratios, correlations;
  const std::string window_name = "rolling " + analysis.window.text;
  const std::string ewma_name = "EWMA lambda " + format_significant(analysis.ewma_lambda, 4);
  if (analysis.rolling) {
    ratios.push_back({&analysis.rolling->hedge_ratio, "#1f5fbf", window_name.c_str()});
    correlations.push_back({&analysis.rolling->correlation, "#1f5fbf", window_name.c_str()});
  }
  if (analysis.ewma) {
    ratios.push_back({&analysis.ewma->hedge_ratio, "#e07b00", ewma_name.c_str()});
    correlations.push_back({&analysis.ewma->correlation, "#e07b00", ewma_name.c_str()});
  }
  // The Kalman ratio without its first dates, where the diffuse start (variance 1e6)
  // makes it swing over any scale.
  std::vector<double> kalman_ratio;
  if (analysis.kalman) {
    kalman_ratio = analysis.kalman->hedge_ratio;
    const size_t settle = std::min<size_t>(10, kalman_ratio.size());
    std::fill(kalman_ratio.begin(), kalman_ratio.begin() + static_cast<long>(settle), std::nan(""));
    ratios.push_back({&kalman_ratio, "#2a9d4b", "Kalman"});
  }
  // The DCC ratio and correlation for each date (known the day before).
  std::vector<double> dcc_ratio, dcc_correlation;
  if (analysis.dcc) {
    dcc_ratio.assign(analysis.dcc->hedge_ratio.begin(), analysis.dcc->hedge_ratio.end() - 1);
    dcc_correlation.assign(analysis.dcc->correlation.begin(), analysis.dcc->correlation.end() - 1);
    ratios.push_back({&dcc_ratio, "#b8326e", "DCC-GARCH"});
    correlations.push_back({&dcc_correlation, "#b8326e", "DCC-GARCH"});
  }
  const std::vector<double> full_line(1, full_ratio);
  std::vector<const std::vector<double>*> ratio_values{&full_line}, corr_values;
  for (const Line& l : ratios) ratio_values.push_back(l.values);
  for (const Line& l : correlations) corr_values.push_back(l.values);

  Panel top{70, 300, 0, 0, "Hedge ratio: short this much " + analysis.labels[1] +
                               " per 1 of " + analysis.labels[0],
            "hedge ratio"};
  value_range(ratio_values, top.low, top.high);
  Panel bottom{440, 120, 0, 0, "Correlation of returns", "correlation"};
  value_range(corr_values, bottom.low, bottom.high);
  bottom.low = std::max(bottom.low, -1.0), bottom.high = std::min(bottom.high, 1.0);

  Canvas canvas(time.front(), time.back());
  auto& svg = canvas.out();
  canvas.begin(analysis.labels[0] + " hedged with " + analysis.labels[1] + " (" +
               std::to_string(analysis.full.n) + ' ' + return_kind_name(analysis.kind) + " returns)");
  canvas.panel(top, analysis.full.date_only, time);
  canvas.level(top, full_ratio, "#777");
  for (const Line& l : ratios) canvas.line(top, time, l);
  canvas.panel(bottom, analysis.full.date_only, time);
  for (const Line& l : correlations) canvas.line(bottom, time, l);
  if (analysis.stability) {
    // --stability: a dashed line at the estimated break, across both panels.
    const double bx = canvas.x_of(static_cast<double>(analysis.stability->break_date));
    svg << "<line x1=\"" << bx << "\" y1=\"" << top.top << "\" x2=\"" << bx << "\" y2=\""
        << bottom.top + bottom.height << "\" stroke=\"#c0392b\" stroke-dasharray=\"6 4\"/>\n"
        << "<text x=\"" << bx + 4 << "\" y=\"" << top.top + 14
        << "\" font-size=\"12\" fill=\"#c0392b\">break "
        << format_timestamp(analysis.stability->break_date, analysis.full.date_only)
        << " (p = " << format_significant(analysis.stability->supf_p, 2) << ")</text>\n";
  }
  svg << "<text x=\"" << (kLeft + kWidth - kRight) / 2 << "\" y=\"" << bottom.top + bottom.height + 38
      << "\" font-size=\"12\" text-anchor=\"middle\">date (end of each return period)</text>\n";

  double x = kLeft;
  const double y = kHeight - 12;
  for (const Line& l : ratios) {
    canvas.legend(x, y, l.colour, l.name, false);
    x += 190;
  }
  canvas.legend(x, y, "#777", "full sample " + format_significant(full_ratio, 4), true);
  svg << "</svg>\n";
  return svg.str();
}

std::string render_value_plot(const Analysis& analysis) {
  if (!analysis.backtest_path || analysis.backtest_path->target.empty()) {
    throw DataError("--plot-kind value: the backtest has no out-of-sample dates to draw");
  }
  const OutOfSample& path = *analysis.backtest_path;
  const size_t first = analysis.returns.size() - path.target.size();
  const std::vector<Timestamp> time(analysis.returns.time.begin() + static_cast<long>(first),
                                    analysis.returns.time.end());
  const std::vector<double> unhedged = value_path(path.target, analysis.kind),
                            hedged = value_path(path.hedged, analysis.kind),
                            net = value_path(path.net, analysis.kind);
  const bool costs = analysis.costs.any();
  std::vector<Line> lines{{&unhedged, "#777", "unhedged"}, {&hedged, "#1f5fbf", "hedged"}};
  if (costs) lines.push_back({&net, "#c0392b", "hedged, net of cost"});
  std::vector<const std::vector<double>*> values;
  for (const Line& l : lines) values.push_back(l.values);
  const bool diff = in_price_units(analysis.kind);
  Panel panel{70, 480, 0, 0,
              std::string(diff ? "Cumulative change of 1 unit of " : "Value of 1 held in ") +
                  analysis.labels[0] + ", hedged by " + analysis.backtest_method + " (" +
                  std::to_string(path.target.size()) + " returns out of sample)",
              diff ? "change in price units" : "value"};
  value_range(values, panel.low, panel.high);

  Canvas canvas(time.front(), time.back());
  auto& svg = canvas.out();
  canvas.begin(analysis.labels[0] + " hedged with " + analysis.labels[1] + ", rebalanced every " +
               std::to_string(analysis.backtest->rebalance) + " returns");
  canvas.panel(panel, analysis.full.date_only, time);
  canvas.level(panel, diff ? 0.0 : 1.0, "#bbb");
  for (const Line& l : lines) canvas.line(panel, time, l);
  svg << "<text x=\"" << (kLeft + kWidth - kRight) / 2 << "\" y=\"" << panel.top + panel.height + 38
      << "\" font-size=\"12\" text-anchor=\"middle\">date (end of each return period)</text>\n";
  double x = kLeft;
  for (const Line& l : lines) {
    canvas.legend(x, kHeight - 12, l.colour, l.name, false);
    x += 220;
  }
  svg << "</svg>\n";
  return svg.str();
}

}  // namespace hedgecalc
