import{A as Xt,D as Yt,F as Jt,G as Re,H as Fe,I as Qt,J as en,T as j,U as tn,W as Me,X as me,Y as nn,Z as ot,_ as rn,b as f,e as jt,f as b,g as qt,i as B,j as Ht,k as pe,m as De,n as P,t as he,y as Zt,z as Kt}from"./chunk-UWHGDA3P.js";var Oi=`#ifdef LUMA_FP32_TAN_PRECISION_WORKAROUND

// All these functions are for substituting tan() function from Intel GPU only
const float TWO_PI = 6.2831854820251465;
const float PI_2 = 1.5707963705062866;
const float PI_16 = 0.1963495463132858;

const float SIN_TABLE_0 = 0.19509032368659973;
const float SIN_TABLE_1 = 0.3826834261417389;
const float SIN_TABLE_2 = 0.5555702447891235;
const float SIN_TABLE_3 = 0.7071067690849304;

const float COS_TABLE_0 = 0.9807852506637573;
const float COS_TABLE_1 = 0.9238795042037964;
const float COS_TABLE_2 = 0.8314695954322815;
const float COS_TABLE_3 = 0.7071067690849304;

const float INVERSE_FACTORIAL_3 = 1.666666716337204e-01; // 1/3!
const float INVERSE_FACTORIAL_5 = 8.333333767950535e-03; // 1/5!
const float INVERSE_FACTORIAL_7 = 1.9841270113829523e-04; // 1/7!
const float INVERSE_FACTORIAL_9 = 2.75573188446287533e-06; // 1/9!

float sin_taylor_fp32(float a) {
  float r, s, t, x;

  if (a == 0.0) {
    return 0.0;
  }

  x = -a * a;
  s = a;
  r = a;

  r = r * x;
  t = r * INVERSE_FACTORIAL_3;
  s = s + t;

  r = r * x;
  t = r * INVERSE_FACTORIAL_5;
  s = s + t;

  r = r * x;
  t = r * INVERSE_FACTORIAL_7;
  s = s + t;

  r = r * x;
  t = r * INVERSE_FACTORIAL_9;
  s = s + t;

  return s;
}

void sincos_taylor_fp32(float a, out float sin_t, out float cos_t) {
  if (a == 0.0) {
    sin_t = 0.0;
    cos_t = 1.0;
  }
  sin_t = sin_taylor_fp32(a);
  cos_t = sqrt(1.0 - sin_t * sin_t);
}

float tan_taylor_fp32(float a) {
    float sin_a;
    float cos_a;

    if (a == 0.0) {
        return 0.0;
    }

    // 2pi range reduction
    float z = floor(a / TWO_PI);
    float r = a - TWO_PI * z;

    float t;
    float q = floor(r / PI_2 + 0.5);
    int j = int(q);

    if (j < -2 || j > 2) {
        return 1.0 / 0.0;
    }

    t = r - PI_2 * q;

    q = floor(t / PI_16 + 0.5);
    int k = int(q);
    int abs_k = int(abs(float(k)));

    if (abs_k > 4) {
        return 1.0 / 0.0;
    } else {
        t = t - PI_16 * q;
    }

    float u = 0.0;
    float v = 0.0;

    float sin_t, cos_t;
    float s, c;
    sincos_taylor_fp32(t, sin_t, cos_t);

    if (k == 0) {
        s = sin_t;
        c = cos_t;
    } else {
        if (abs(float(abs_k) - 1.0) < 0.5) {
            u = COS_TABLE_0;
            v = SIN_TABLE_0;
        } else if (abs(float(abs_k) - 2.0) < 0.5) {
            u = COS_TABLE_1;
            v = SIN_TABLE_1;
        } else if (abs(float(abs_k) - 3.0) < 0.5) {
            u = COS_TABLE_2;
            v = SIN_TABLE_2;
        } else if (abs(float(abs_k) - 4.0) < 0.5) {
            u = COS_TABLE_3;
            v = SIN_TABLE_3;
        }
        if (k > 0) {
            s = u * sin_t + v * cos_t;
            c = u * cos_t - v * sin_t;
        } else {
            s = u * sin_t - v * cos_t;
            c = u * cos_t + v * sin_t;
        }
    }

    if (j == 0) {
        sin_a = s;
        cos_a = c;
    } else if (j == 1) {
        sin_a = c;
        cos_a = -s;
    } else if (j == -1) {
        sin_a = -c;
        cos_a = s;
    } else {
        sin_a = -s;
        cos_a = -c;
    }
    return sin_a / cos_a;
}
#endif

float tan_fp32(float a) {
#ifdef LUMA_FP32_TAN_PRECISION_WORKAROUND
  return tan_taylor_fp32(a);
#else
  return tan(a);
#endif
}
`,Di=`#ifdef LUMA_FP32_TAN_PRECISION_WORKAROUND
const FP32_TWO_PI: f32 = 6.2831854820251465;
const FP32_PI_2: f32 = 1.5707963705062866;
const FP32_PI_16: f32 = 0.1963495463132858;

const FP32_SIN_TABLE_0: f32 = 0.19509032368659973;
const FP32_SIN_TABLE_1: f32 = 0.3826834261417389;
const FP32_SIN_TABLE_2: f32 = 0.5555702447891235;
const FP32_SIN_TABLE_3: f32 = 0.7071067690849304;

const FP32_COS_TABLE_0: f32 = 0.9807852506637573;
const FP32_COS_TABLE_1: f32 = 0.9238795042037964;
const FP32_COS_TABLE_2: f32 = 0.8314695954322815;
const FP32_COS_TABLE_3: f32 = 0.7071067690849304;

const FP32_INVERSE_FACTORIAL_3: f32 = 1.666666716337204e-01;
const FP32_INVERSE_FACTORIAL_5: f32 = 8.333333767950535e-03;
const FP32_INVERSE_FACTORIAL_7: f32 = 1.9841270113829523e-04;
const FP32_INVERSE_FACTORIAL_9: f32 = 2.75573188446287533e-06;
const FP32_OVERFLOW: f32 = 3.402823466e+38;

fn sin_taylor_fp32(a: f32) -> f32 {
  if (a == 0.0) {
    return 0.0;
  }

  let x = -a * a;
  var sum = a;
  var term = a;

  term = term * x;
  sum = sum + term * FP32_INVERSE_FACTORIAL_3;
  term = term * x;
  sum = sum + term * FP32_INVERSE_FACTORIAL_5;
  term = term * x;
  sum = sum + term * FP32_INVERSE_FACTORIAL_7;
  term = term * x;
  sum = sum + term * FP32_INVERSE_FACTORIAL_9;

  return sum;
}

fn tan_taylor_fp32(a: f32) -> f32 {
  if (a == 0.0) {
    return 0.0;
  }

  let z = floor(a / FP32_TWO_PI);
  let reduced = a - FP32_TWO_PI * z;

  var quadrantValue = floor(reduced / FP32_PI_2 + 0.5);
  let quadrant = i32(quadrantValue);
  if (quadrant < -2 || quadrant > 2) {
    return FP32_OVERFLOW;
  }

  var angle = reduced - FP32_PI_2 * quadrantValue;
  quadrantValue = floor(angle / FP32_PI_16 + 0.5);
  let tableIndex = i32(quadrantValue);
  let absoluteTableIndex = abs(tableIndex);
  if (absoluteTableIndex > 4) {
    return FP32_OVERFLOW;
  }

  angle = angle - FP32_PI_16 * quadrantValue;
  let sinAngle = sin_taylor_fp32(angle);
  let cosAngle = sqrt(1.0 - sinAngle * sinAngle);

  var tableCos = 0.0;
  var tableSin = 0.0;
  if (absoluteTableIndex == 1) {
    tableCos = FP32_COS_TABLE_0;
    tableSin = FP32_SIN_TABLE_0;
  } else if (absoluteTableIndex == 2) {
    tableCos = FP32_COS_TABLE_1;
    tableSin = FP32_SIN_TABLE_1;
  } else if (absoluteTableIndex == 3) {
    tableCos = FP32_COS_TABLE_2;
    tableSin = FP32_SIN_TABLE_2;
  } else if (absoluteTableIndex == 4) {
    tableCos = FP32_COS_TABLE_3;
    tableSin = FP32_SIN_TABLE_3;
  }

  var sinReduced = sinAngle;
  var cosReduced = cosAngle;
  if (tableIndex > 0) {
    sinReduced = tableCos * sinAngle + tableSin * cosAngle;
    cosReduced = tableCos * cosAngle - tableSin * sinAngle;
  } else if (tableIndex < 0) {
    sinReduced = tableCos * sinAngle - tableSin * cosAngle;
    cosReduced = tableCos * cosAngle + tableSin * sinAngle;
  }

  var sinValue = 0.0;
  var cosValue = 0.0;
  if (quadrant == 0) {
    sinValue = sinReduced;
    cosValue = cosReduced;
  } else if (quadrant == 1) {
    sinValue = cosReduced;
    cosValue = -sinReduced;
  } else if (quadrant == -1) {
    sinValue = -cosReduced;
    cosValue = sinReduced;
  } else {
    sinValue = -sinReduced;
    cosValue = -cosReduced;
  }

  return sinValue / cosValue;
}

fn tan_fp32(a: f32) -> f32 {
  return tan_taylor_fp32(a);
}
#else
fn tan_fp32(a: f32) -> f32 {
  return tan(a);
}
#endif
`,Ri={name:"fp32",source:Di,vs:Oi};var D="(?:var<\\s*(uniform|storage(?:\\s*,\\s*[A-Za-z_][A-Za-z0-9_]*)?)\\s*>|var)\\s+([A-Za-z_][A-Za-z0-9_]*)";var te=[new RegExp(`@binding\\(\\s*(auto|\\d+)\\s*\\)\\s*@group\\(\\s*(\\d+)\\s*\\)\\s*${D}`,"g"),new RegExp(`@group\\(\\s*(\\d+)\\s*\\)\\s*@binding\\(\\s*(auto|\\d+)\\s*\\)\\s*${D}`,"g")],Ge=[new RegExp(`@binding\\(\\s*(auto|\\d+)\\s*\\)\\s*@group\\(\\s*(\\d+)\\s*\\)\\s*${D}`,"g"),new RegExp(`@group\\(\\s*(\\d+)\\s*\\)\\s*@binding\\(\\s*(auto|\\d+)\\s*\\)\\s*${D}`,"g")],sn=[new RegExp(`@binding\\(\\s*(\\d+)\\s*\\)\\s*@group\\(\\s*(\\d+)\\s*\\)\\s*${D}`,"g"),new RegExp(`@group\\(\\s*(\\d+)\\s*\\)\\s*@binding\\(\\s*(\\d+)\\s*\\)\\s*${D}`,"g")],Fi=[new RegExp(`@binding\\(\\s*(auto)\\s*\\)\\s*@group\\(\\s*(\\d+)\\s*\\)\\s*${D}`,"g"),new RegExp(`@group\\(\\s*(\\d+)\\s*\\)\\s*@binding\\(\\s*(auto)\\s*\\)\\s*${D}`,"g"),new RegExp(`@binding\\(\\s*(auto)\\s*\\)\\s*@group\\(\\s*(\\d+)\\s*\\)(?:[\\s\\n\\r]*@[A-Za-z_][^\\n\\r]*)*[\\s\\n\\r]*${D}`,"g"),new RegExp(`@group\\(\\s*(\\d+)\\s*\\)\\s*@binding\\(\\s*(auto)\\s*\\)(?:[\\s\\n\\r]*@[A-Za-z_][^\\n\\r]*)*[\\s\\n\\r]*${D}`,"g")];function ne(t){let e=t.split(""),n=0,i=0,r=!1,s=!1,o=!1;for(;n<t.length;){let a=t[n],u=t[n+1];if(s){o?o=!1:a==="\\"?o=!0:a==='"'&&(s=!1),n++;continue}if(r){a===`
`||a==="\r"?r=!1:e[n]=" ",n++;continue}if(i>0){if(a==="/"&&u==="*"){e[n]=" ",e[n+1]=" ",i++,n+=2;continue}if(a==="*"&&u==="/"){e[n]=" ",e[n+1]=" ",i--,n+=2;continue}a!==`
`&&a!=="\r"&&(e[n]=" "),n++;continue}if(a==='"'){s=!0,n++;continue}if(a==="/"&&u==="/"){e[n]=" ",e[n+1]=" ",r=!0,n+=2;continue}if(a==="/"&&u==="*"){e[n]=" ",e[n+1]=" ",i=1,n+=2;continue}n++}return e.join("")}function Z(t,e){let n=ne(t),i=[];for(let r of e){r.lastIndex=0;let s;for(s=r.exec(n);s;){let o=r===e[0],a=s.index,u=s[0].length;i.push({match:t.slice(a,a+u),index:a,length:u,bindingToken:s[o?1:2],groupToken:s[o?2:1],accessDeclaration:s[3]?.trim(),name:s[4]}),s=r.exec(n)}}return i.sort((r,s)=>r.index-s.index)}function at(t,e,n){let i=Z(t,e);if(!i.length)return t;let r="",s=0;for(let o of i)r+=t.slice(s,o.index),r+=n(o),s=o.index+o.length;return r+=t.slice(s),r}function ut(t){return/@binding\(\s*auto\s*\)/.test(ne(t))}function on(t,e){return Z(t,e===te||e===Ge?Fi:e).find(i=>i.bindingToken==="auto")}function Ue(t,e={}){let n=an(t),i=Mi(n);if(!i)return null;let r=Gi(n,i);if(!r)return null;let s=Ui(n,i,r);if(!s)return null;if(e.scanVertexAttributes===!1)return{attributes:[],bindings:s};let o=Ci(n,i);if(!o)return null;let a=Wi(n,i,r,o,e.vertexEntryPoint);return a?{attributes:a,bindings:s}:null}function an(t){let e=ne(t),n=/[A-Za-z_][A-Za-z0-9_]*|(?:0[xX][0-9A-Fa-f]+|\d+)|[@(){}<>\[\]:,;=]/g,i=[],r=n.exec(e);for(;r;)i.push({value:r[0],index:r.index}),r=n.exec(e);return i}function Mi(t){let e=[],n=0;for(let i of t){if(i.value==="}"&&n===0)return null;e.push(n),i.value==="{"?n++:i.value==="}"&&n--}return n===0?e:null}function Gi(t,e){let n=new Map;for(let i=0;i<t.length;i++){if(e[i]!==0||t[i].value!=="alias")continue;let r=t[i+1]?.value;if(!ge(r)||t[i+2]?.value!=="="||n.has(r))return null;let s=cn(t,e,i+3,";");if(s<0||s===i+3)return null;n.set(r,Ce(t.slice(i+3,s))),i=s}return n}function Ci(t,e){let n=new Map;for(let i=0;i<t.length;i++){if(e[i]!==0||t[i].value!=="struct")continue;let r=t[i+1]?.value,s=i+2;if(!ge(r)||n.has(r)||t[s]?.value!=="{")return null;let o=dt(t,s,"{","}");if(o<0)return null;n.set(r,t.slice(s+1,o)),i=o}return n}function Ui(t,e,n){let i=[],r=new Set,s=new Set;for(let o=0;o<t.length;o++){if(e[o]!==0||t[o].value!=="var")continue;let a=ln(t,e,o),u=t.slice(a,o),c=ft(u,"group"),l=ft(u,"binding");if(c===null||l===null||c===void 0!=(l===void 0))return null;if(c===void 0||l===void 0)continue;let p=o+1,h=[];if(t[p]?.value==="<"){let _=dt(t,p,"<",">");if(_<0)return null;let T=$e(t.slice(p+1,_),",");if(!T)return null;h=T.map(Ce),p=_+1}let d=t[p]?.value;if(!ge(d)||t[p+1]?.value!==":")return null;let m=cn(t,e,p+2,";");if(m<0||m===p+2)return null;let g=lt(Ce(t.slice(p+2,m)),n);if(!g)return null;let y=$i({name:d,group:c,location:l,addressSpace:h,resourceType:g}),v=`${c}:${l}`;if(!y||r.has(v)||s.has(d))return null;i.push(y),r.add(v),s.add(d),o=m}return Vi(i),i.sort((o,a)=>o.group-a.group||o.location-a.location||o.name.localeCompare(a.name))}function $i(t){let{name:e,group:n,location:i,addressSpace:r,resourceType:s}=t,o={name:e,group:n,location:i};if(r[0]==="uniform"&&r.length===1)return{...o,type:"uniform"};if(r[0]==="storage"&&r.length<=2){let a=r[1]||"read";return a==="read"?{...o,type:"read-only-storage"}:a==="read_write"?{...o,type:"storage"}:null}return r.length>0?null:s==="sampler"||s==="sampler_comparison"?{...o,type:"sampler",...s==="sampler_comparison"?{samplerType:"comparison"}:{}}:s==="texture_external"?{...o,type:"external-texture"}:ki(o,s)||zi(o,s)}function ki(t,e){let n=/^texture_storage_(1d|2d|2d_array|3d)<([A-Za-z0-9_]+),(read|write|read_write)>$/.exec(e);if(!n)return null;let i={read:"read-only",write:"write-only",read_write:"read-write"}[n[3]];return{...t,type:"storage",format:n[2],access:i,viewDimension:ct(n[1])}}function zi(t,e){let n=/^texture_(multisampled_)?(1d|2d|2d_array|cube|cube_array|3d)<(f32|i32|u32)>$/.exec(e);if(n){if(n[1]&&n[2]!=="2d")return null;let r={f32:"float",i32:"sint",u32:"uint"}[n[3]];return{...t,type:"texture",viewDimension:ct(n[2]),sampleType:r,multisampled:!!n[1]}}let i=/^texture_depth_(multisampled_)?(2d|2d_array|cube|cube_array)$/.exec(e);return!i||i[1]&&i[2]!=="2d"?null:{...t,type:"texture",viewDimension:ct(i[2]),sampleType:"depth",multisampled:!!i[1]}}function Vi(t){for(let e of t){if(e.type!=="sampler"||e.samplerType||!e.name.endsWith("Sampler"))continue;let n=e.name.slice(0,-7);t.find(r=>r.type==="texture"&&r.name===n&&r.group===e.group)?.sampleType==="depth"&&(e.samplerType="non-filtering")}}function Wi(t,e,n,i,r){let s=ji(t,e);if(!s)return null;let o=s.filter(d=>d.vertex),a=r?o.find(d=>d.name===r):o.length===1?o[0]:void 0;if(!a)return o.length===0&&!r?[]:null;let u=$e(a.parameters,",");if(!u)return null;let c=[],l=new Set,p=new Set,h=new Set;for(let d of u)if(d.length>0&&!un({declaration:d,aliases:n,structures:i,attributes:c,attributeLocations:l,attributeNames:p,visitedStructures:h}))return null;return c.sort((d,m)=>d.location-m.location||d.name.localeCompare(m.name))}function ji(t,e){let n=[],i=new Set;for(let r=0;r<t.length;r++){if(e[r]!==0||t[r].value!=="fn")continue;let s=t[r+1]?.value,o=r+2;if(!ge(s)||i.has(s)||t[o]?.value!=="(")return null;let a=dt(t,o,"(",")");if(a<0)return null;let u=ln(t,e,r);n.push({name:s,vertex:fn(t.slice(u,r),"vertex"),parameters:t.slice(o+1,a)}),i.add(s),r=a}return n}function un(t){let{declaration:e,aliases:n,structures:i,attributes:r,attributeLocations:s,attributeNames:o,visitedStructures:a}=t,u=Zi(e,":");if(u<1||u===e.length-1)return!1;let c=Ki(e.slice(0,u)),l=ft(e.slice(0,u),"location"),p=fn(e.slice(0,u),"builtin"),h=lt(Ce(e.slice(u+1)),n);if(!c||l===null||!h||l!==void 0&&p)return!1;if(l!==void 0){let g=Hi(h);return!g||s.has(l)||o.has(c)?!1:(r.push({name:c,location:l,type:g}),s.add(l),o.add(c),!0)}if(p)return!0;let d=i.get(h);if(!d||a.has(h))return!1;let m=$e(d,",");if(!m)return!1;a.add(h);for(let g of m)if(g.length>0&&!un({...t,declaration:g}))return!1;return a.delete(h),!0}function lt(t,e,n=new Set){let i=an(t),r="";for(let s of i){let o=e.get(s.value);if(!o){r+=qi(s.value);continue}if(n.has(s.value))return null;let a=new Set(n);a.add(s.value);let u=lt(o,e,a);if(!u)return null;r+=u}return r}function qi(t){let e=/^(vec[234]|mat[234]x[234])([fiuh])$/.exec(t);if(!e)return t;let n={f:"f32",i:"i32",u:"u32",h:"f16"}[e[2]];return`${e[1]}<${n}>`}function Hi(t){return/^(?:i32|u32|f32|f16|vec[234]<(?:i32|u32|f32|f16)>)$/.test(t)?t:null}function ft(t,e){let n;for(let i=0;i<t.length;i++)if(!(t[i].value!=="@"||t[i+1]?.value!==e)){if(n!==void 0||t[i+2]?.value!=="("||!/^\d+$/.test(t[i+3]?.value||"")||t[i+4]?.value!==")")return null;n=Number(t[i+3].value)}return n}function fn(t,e){return t.some((n,i)=>n.value==="@"&&t[i+1]?.value===e)}function ct(t){return t.replace("_","-")}function dt(t,e,n,i){let r=0;for(let s=e;s<t.length;s++)if(t[s].value===n)r++;else if(t[s].value===i&&--r===0)return s;return-1}function $e(t,e){let n=[],i=0,r={"(":0,"<":0,"[":0,"{":0},s=Object.keys(r),o={")":"(",">":"<","]":"[","}":"{"};for(let a=0;a<t.length;a++){let u=t[a].value;if(u===e&&s.every(c=>r[c]===0)){n.push(t.slice(i,a)),i=a+1;continue}if(u in r)r[u]++;else if(u in o){let c=o[u];if(r[c]--,r[c]<0)return null}}return s.every(a=>r[a]===0)?(n.push(t.slice(i)),n):null}function Zi(t,e){let n=$e(t,e);return n&&n.length===2?n[0].length:-1}function cn(t,e,n,i){for(let r=n;r<t.length;r++)if(e[r]===0&&t[r].value===i)return r;return-1}function ln(t,e,n){for(let i=n-1;i>=0;i--)if(t[i].value===";"&&e[i]===0||t[i].value==="}"&&e[i]===1)return i+1;return 0}function Ki(t){for(let e=t.length-1;e>=0;e--)if(ge(t[e].value))return t[e].value;return null}function Ce(t){return t.map(e=>e.value).join("")}function ge(t){return!!(t&&/^[A-Za-z_][A-Za-z0-9_]*$/.test(t))}function k(t,e){if(!t){let n=new Error(e||"shadertools: assertion failed.");throw Error.captureStackTrace?.(n,k),n}}var pt={number:{type:"number",validate(t,e){return Number.isFinite(t)&&typeof e=="object"&&(e.max===void 0||t<=e.max)&&(e.min===void 0||t>=e.min)}},array:{type:"array",validate(t,e){return Array.isArray(t)||ArrayBuffer.isView(t)}}};function pn(t){let e={};for(let[n,i]of Object.entries(t))e[n]=Xi(i);return e}function Xi(t){let e=dn(t);if(e!=="object")return{value:t,...pt[e],type:e};if(typeof t=="object")return t?t.type!==void 0?{...t,...pt[t.type],type:t.type}:t.value===void 0?{type:"object",value:t}:(e=dn(t.value),{...t,...pt[e],type:e}):{type:"object",value:null};throw new Error("props")}function dn(t){return Array.isArray(t)||ArrayBuffer.isView(t)?"array":typeof t}var hn=`#ifdef MODULE_LOGDEPTH
  logdepth_adjustPosition(gl_Position);
#endif
`,mn=`#ifdef MODULE_MATERIAL
  fragColor = material_filterColor(fragColor);
#endif

#ifdef MODULE_LIGHTING
  fragColor = lighting_filterColor(fragColor);
#endif

#ifdef MODULE_FOG
  fragColor = fog_filterColor(fragColor);
#endif

#ifdef MODULE_PICKING
  fragColor = picking_filterHighlightColor(fragColor);
  fragColor = picking_filterPickingColor(fragColor);
#endif

#ifdef MODULE_LOGDEPTH
  logdepth_setFragDepth();
#endif
`;var Yi={vertex:hn,fragment:mn},gn=/void\s+main\s*\([^)]*\)\s*\{\n?/,_n=/}\n?[^{}]*$/,ht=[],_e="__LUMA_INJECT_DECLARATIONS__";function bn(t){let e={vertex:{},fragment:{}};for(let n in t){let i=t[n],r=Ji(n);typeof i=="string"&&(i={order:0,injection:i}),e[r][n]=i}return e}function Ji(t){let e=t.slice(0,2);switch(e){case"vs":return"vertex";case"fs":return"fragment";default:throw new Error(e)}}function be(t,e,n,i=!1,r="glsl",s={}){let o=e==="vertex";for(let a in n){let u=n[a];u.sort((l,p)=>l.order-p.order),ht.length=u.length;for(let l=0,p=u.length;l<p;++l)ht[l]=u[l].injection;let c=`${ht.join(`
`)}
`;switch(a){case"vs:#decl":(r==="wgsl"||o)&&(t=t.replace(_e,c));break;case"vs:#main-start":(r==="wgsl"||o)&&(t=r==="wgsl"?ke(t,"vertex",c,"start",s.vertex):t.replace(gn,l=>l+c));break;case"vs:#main-end":(r==="wgsl"||o)&&(t=r==="wgsl"?ke(t,"vertex",c,"end",s.vertex):t.replace(_n,l=>c+l));break;case"fs:#decl":(r==="wgsl"||!o)&&(t=t.replace(_e,c));break;case"fs:#main-start":(r==="wgsl"||!o)&&(t=r==="wgsl"?ke(t,"fragment",c,"start",s.fragment):t.replace(gn,l=>l+c));break;case"fs:#main-end":(r==="wgsl"||!o)&&(t=r==="wgsl"?ke(t,"fragment",c,"end",s.fragment):t.replace(_n,l=>c+l));break;default:t=t.replace(a,l=>l+c)}}return t=t.replace(_e,""),i&&(t=t.replace(/\}\s*$/,a=>a+Yi[e])),t}function ke(t,e,n,i,r){let s=Qi(t,e,r);if(!s)return t;if(i==="start"){let o=s.openBraceIndex+1;return`${t.slice(0,o)}
${n}${t.slice(o)}`}return`${t.slice(0,s.closeBraceIndex)}${n}${t.slice(s.closeBraceIndex)}`}function Qi(t,e,n){let i=e==="vertex"?"@vertex":"@fragment",r=t.indexOf(i);if(r<0)return null;let s=n?t.search(new RegExp(`\\bfn\\s+${er(n)}\\s*\\(`)):t.indexOf("fn",r);if(s<0)return null;let o=t.indexOf("{",s);if(o<0)return null;let a=0;for(let u=o;u<t.length;u++){let c=t[u];if(c==="{")a++;else if(c==="}"&&(a--,a===0))return{openBraceIndex:o,closeBraceIndex:u}}return null}function er(t){return t.replace(/[.*+?^${}()|[\]\\]/g,"\\$&")}function ie(t){t.map(e=>tr(e))}function tr(t){if(t.instance)return;ie(t.dependencies||[]);let{propTypes:e={},deprecations:n=[],inject:i={}}=t,r={normalizedInjections:bn(i),parsedDeprecations:nr(n)};e&&(r.propValidators=pn(e)),t.instance=r;let s={};e&&(s=Object.entries(e).reduce((o,[a,u])=>{let c=u?.value;return c&&(o[a]=c),o},{})),t.defaultUniforms={...t.defaultUniforms,...s}}function mt(t,e,n){t.deprecations?.forEach(i=>{i.regex?.test(e)&&(i.deprecated?n.deprecated(i.old,i.new)():n.removed(i.old,i.new)())})}function nr(t){return t.forEach(e=>{switch(e.type){case"function":e.regex=new RegExp(`\\b${e.old}\\(`);break;default:e.regex=new RegExp(`${e.type} ${e.old};`)}}),t}function K(t){ie(t);let e={},n={};yn({modules:t,level:0,moduleMap:e,moduleDepth:n});let i=Object.keys(n).sort((r,s)=>n[s]-n[r]).map(r=>e[r]);return ie(i),i}function yn(t){let{modules:e,level:n,moduleMap:i,moduleDepth:r}=t;if(n>=5)throw new Error("Possible loop in shader dependency graph");for(let s of e)i[s.name]=s,(r[s.name]===void 0||r[s.name]<n)&&(r[s.name]=n);for(let s of e)s.dependencies&&yn({modules:s.dependencies,level:n+1,moduleMap:i,moduleDepth:r})}var ir=/^(vs|fs):(?:#(?:decl|main-start|main-end)|[A-Za-z_][\w-]*)$/;function ye(t=[],e){let n=[],i={},r={},s={},o={};for(let a of t)xn({modules:n,defines:i,injections:r,vertexInputs:s,varyings:o},a),xn({modules:n,defines:i,injections:r,vertexInputs:s,varyings:o},a[e]);for(let a of Object.keys(o))if(s[a])throw new Error(`ShaderPlugin name "${a}" cannot be both a vertex input and a varying`);return{modules:n,defines:i,injections:r,vertexInputs:s,varyings:o}}function xe(t=[],e=[]){let n=[...t],i=new Set(n.map(r=>r.name));for(let r of e)i.has(r.name)||(n.push(r),i.add(r.name));return n}function xn(t,e){if(e){e.modules?.length&&t.modules.push(...e.modules),e.defines&&Object.assign(t.defines,e.defines);for(let[n,i]of Object.entries(e.vertexInputs||{})){vn(n,"vertex input");let r=t.vertexInputs[n];if(r&&r!==i)throw new Error(`ShaderPlugin vertex input "${n}" has conflicting types "${r}" and "${i}"`);t.vertexInputs[n]=i}for(let[n,i]of Object.entries(e.varyings||{})){vn(n,"varying");let r=rr(n,i),s=t.varyings[n];if(s&&(s.type!==r.type||s.interpolation!==r.interpolation))throw new Error(`ShaderPlugin varying "${n}" has conflicting declarations "${s.type}/${s.interpolation}" and "${r.type}/${r.interpolation}"`);t.varyings[n]=r}for(let n of e.injections||[])sr(n.target),t.injections[n.target]||(t.injections[n.target]=[]),t.injections[n.target].push({injection:n.injection,order:n.order??0})}}function vn(t,e){if(!/^[A-Za-z_][A-Za-z0-9_]*$/.test(t)||t.startsWith("_luma_"))throw new Error(`ShaderPlugin ${e} "${t}" must be a valid non-reserved identifier`)}function rr(t,e){let{primitiveType:n}=j.getAttributeShaderTypeInfo(e.type),i=n==="i32"||n==="u32",r=e.interpolation||(i?"flat":"smooth");if(i&&r==="smooth")throw new Error(`ShaderPlugin integer varying "${t}" must use flat interpolation`);return{type:e.type,interpolation:r}}function sr(t){if(!ir.test(t))throw new Error(`ShaderPlugin injection target "${t}" must be a named shader anchor or hook`)}var or=/^(?:uniform\s+)?(?:(?:lowp|mediump|highp)\s+)?[A-Za-z0-9_]+(?:<[^>]+>)?\s+([A-Za-z0-9_]+)(?:\s*\[[^\]]+\])?\s*;/,ar=/((?:layout\s*\([^)]*\)\s*)*)uniform\s+([A-Za-z_][A-Za-z0-9_]*)\s*\{([\s\S]*?)\}\s*([A-Za-z_][A-Za-z0-9_]*)?\s*;/g;function ve(t){return`${t.name}Uniforms`}function Sn(t,e){let n=e==="wgsl"?t.source:e==="vertex"?t.vs:t.fs;if(!n)return null;let i=ve(t);return ur(n,e==="wgsl"?"wgsl":"glsl",i)}function En(t,e){let n=Object.keys(t.uniformTypes||{});if(!n.length)return null;let i=Sn(t,e);return i?{moduleName:t.name,uniformBlockName:ve(t),stage:e,expectedUniformNames:n,actualUniformNames:i,matches:lr(n,i)}:null}function gt(t,e,n={}){let i=En(t,e);if(!i||i.matches)return i;let r=dr(i);return n.log?.error?.(r,i)(),n.throwOnError!==!1&&k(!1,r),i}function we(t){let e=[],n=pr(t);for(let i of n.matchAll(ar)){let r=i[1]?.trim()||null;e.push({blockName:i[2],body:i[3],instanceName:i[4]||null,layoutQualifier:r,hasLayoutQualifier:!!r,isStd140:!!(r&&/\blayout\s*\([^)]*\bstd140\b[^)]*\)/.exec(r))})}return e}function _t(t,e,n,i){let r=we(t).filter(o=>!o.isStd140),s=new Set;for(let o of r){if(s.has(o.blockName))continue;s.add(o.blockName);let a=i?.label?`${i.label} `:"",u=o.hasLayoutQualifier?`declares ${hr(o.layoutQualifier)} instead of layout(std140)`:"does not declare layout(std140)",c=`${a}${e} shader uniform block ${o.blockName} ${u}. luma.gl host-side shader block packing assumes explicit layout(std140) for GLSL uniform blocks. Add \`layout(std140)\` to the block declaration.`;n?.warn?.(c,o)()}return r}function ur(t,e,n){let i=e==="wgsl"?fr(t,n):cr(t,n);if(!i)return null;let r=[];for(let s of i.split(`
`)){let o=s.replace(/\/\/.*$/,"").trim();if(!o||o.startsWith("#"))continue;let a=e==="wgsl"?o.match(/^([A-Za-z0-9_]+)\s*:/):o.match(or);a&&r.push(a[1])}return r}function fr(t,e){let n=new RegExp(`\\bstruct\\s+${e}\\b`,"m").exec(t);if(!n)return null;let i=t.indexOf("{",n.index);if(i<0)return null;let r=0;for(let s=i;s<t.length;s++){let o=t[s];if(o==="{"){r++;continue}if(o==="}"&&(r--,r===0))return t.slice(i+1,s)}return null}function cr(t,e){return we(t).find(i=>i.blockName===e)?.body||null}function lr(t,e){if(t.length!==e.length)return!1;for(let n=0;n<t.length;n++)if(t[n]!==e[n])return!1;return!0}function dr(t){let{expectedUniformNames:e,actualUniformNames:n}=t,i=e.filter(a=>!n.includes(a)),r=n.filter(a=>!e.includes(a)),s=[`Expected ${e.length} fields, found ${n.length}.`],o=mr(e,n);return o&&s.push(o),i.length&&s.push(`Missing from shader block (${i.length}): ${wn(i)}.`),r.length&&s.push(`Unexpected in shader block (${r.length}): ${wn(r)}.`),e.length<=12&&n.length<=12&&(i.length||r.length)&&(s.push(`Expected: ${e.join(", ")}.`),s.push(`Actual: ${n.join(", ")}.`)),`${t.moduleName}: ${t.stage} shader uniform block ${t.uniformBlockName} does not match module.uniformTypes. ${s.join(" ")}`}function pr(t){return t.replace(/\/\*[\s\S]*?\*\//g,"").replace(/\/\/.*$/gm,"")}function hr(t){return t.replace(/\s+/g," ").trim()}function mr(t,e){let n=Math.min(t.length,e.length);for(let i=0;i<n;i++)if(t[i]!==e[i])return`First mismatch at field ${i+1}: expected ${t[i]}, found ${e[i]}.`;return t.length>e.length?`Shader block ends after field ${e.length}; expected next field ${t[e.length]}.`:e.length>t.length?`Shader block has extra field ${e.length}: ${e[t.length]}.`:null}function wn(t,e=8){if(t.length<=e)return t.join(", ");let n=t.length-e;return`${t.slice(0,e).join(", ")}, ... (${n} more)`}function An(t){switch(t?.gpu.toLowerCase()){case"apple":return`#define APPLE_GPU
// Apple optimizes away the calculation necessary for emulated fp64
#define LUMA_FP64_CODE_ELIMINATION_WORKAROUND 1
#define LUMA_FP32_TAN_PRECISION_WORKAROUND 1
// Intel GPU doesn't have full 32 bits precision in same cases, causes overflow
#define LUMA_FP64_HIGH_BITS_OVERFLOW_WORKAROUND 1
`;case"nvidia":return`#define NVIDIA_GPU
// Nvidia optimizes away the calculation necessary for emulated fp64
#define LUMA_FP64_CODE_ELIMINATION_WORKAROUND 1
`;case"intel":return`#define INTEL_GPU
// Intel optimizes away the calculation necessary for emulated fp64
#define LUMA_FP64_CODE_ELIMINATION_WORKAROUND 1
// Intel's built-in 'tan' function doesn't have acceptable precision
#define LUMA_FP32_TAN_PRECISION_WORKAROUND 1
// Intel GPU doesn't have full 32 bits precision in same cases, causes overflow
#define LUMA_FP64_HIGH_BITS_OVERFLOW_WORKAROUND 1
`;case"amd":return`#define AMD_GPU
`;default:return`#define DEFAULT_GPU
// Prevent driver from optimizing away the calculation necessary for emulated fp64
#define LUMA_FP64_CODE_ELIMINATION_WORKAROUND 1
// Headless Chrome's software shader 'tan' function doesn't have acceptable precision
#define LUMA_FP32_TAN_PRECISION_WORKAROUND 1
// If the GPU doesn't have full 32 bits precision, will causes overflow
#define LUMA_FP64_HIGH_BITS_OVERFLOW_WORKAROUND 1
`}}function Bn(t,e){if(Number(t.match(/^#version[ \t]+(\d+)/m)?.[1]||100)!==300)throw new Error("luma.gl v9 only supports GLSL 3.00 shader sources");switch(e){case"vertex":return t=Ln(t,gr),t;case"fragment":return t=Ln(t,_r),t;default:throw new Error(e)}}var In=[[/^(#version[ \t]+(100|300[ \t]+es))?[ \t]*\n/,`#version 300 es
`],[/\btexture(2D|2DProj|Cube)Lod(EXT)?\(/g,"textureLod("],[/\btexture(2D|2DProj|Cube)(EXT)?\(/g,"texture("]],gr=[...In,[bt("attribute"),"in $1"],[bt("varying"),"out $1"]],_r=[...In,[bt("varying"),"in $1"]];function Ln(t,e){for(let[n,i]of e)t=t.replace(n,i);return t}function bt(t){return new RegExp(`\\b${t}[ \\t]+(\\w+[ \\t]+\\w+(\\[\\w+\\])?;)`,"g")}function ze(t,e,n="glsl"){let i="";for(let r in t){let s=t[r];if(i+=`${n==="wgsl"?"fn":"void"} ${s.signature} {
`,s.header&&(i+=`  ${s.header}`),e[r]){let a=e[r];a.sort((u,c)=>u.order-c.order);for(let u of a)i+=`  ${u.injection}
`}s.footer&&(i+=`  ${s.footer}`),i+=`}
`}return i}function yt(t){let e={vertex:{},fragment:{}};for(let n of t){let i,r;typeof n!="string"?(i=n,r=i.hook):(i={},r=n),r=r.trim();let s=r.indexOf(":"),o=r.slice(0,s),a=r.slice(s+1),u=r.replace(/\(.+/,""),c=Object.assign(i,{signature:a});switch(o){case"vs":e.vertex[u]=c;break;case"fs":e.fragment[u]=c;break;default:throw new Error(o)}}return e}function Tn(t,e){return{name:br(t,e),language:"glsl",version:yr(t)}}function br(t,e="unnamed"){let i=/#define[^\S\r\n]*SHADER_NAME[^\S\r\n]*([A-Za-z0-9_-]+)\s*/.exec(t);return i?i[1]:e}function yr(t){let e=100,n=t.match(/[^\s]+/g);if(n&&n.length>=2&&n[0]==="#version"){let i=parseInt(n[1],10);Number.isFinite(i)&&(e=i)}if(e!==100&&e!==300)throw new Error(`Invalid GLSL version ${e}`);return e}var Pn=[new RegExp(`@binding\\(\\s*(\\d+)\\s*\\)\\s*@group\\(\\s*(\\d+)\\s*\\)\\s*${D}\\s*:\\s*([^;]+);`,"g"),new RegExp(`@group\\(\\s*(\\d+)\\s*\\)\\s*@binding\\(\\s*(\\d+)\\s*\\)\\s*${D}\\s*:\\s*([^;]+);`,"g")];function Ve(t,e=[]){let n=ne(t),i=new Map;for(let s of e)i.set(Nn(s.name,s.group,s.location),s.moduleName);let r=[];for(let s of Pn){s.lastIndex=0;let o;for(o=s.exec(n);o;){let a=s===Pn[0],u=Number(o[a?1:2]),c=Number(o[a?2:1]),l=o[3]?.trim(),p=o[4],h=o[5].trim(),d=i.get(Nn(p,c,u));r.push(xr({name:p,group:c,binding:u,owner:d?"module":"application",moduleName:d,accessDeclaration:l,resourceType:h})),o=s.exec(n)}}return r.sort((s,o)=>s.group!==o.group?s.group-o.group:s.binding!==o.binding?s.binding-o.binding:s.name.localeCompare(o.name))}function xr(t){let e={name:t.name,group:t.group,binding:t.binding,owner:t.owner,kind:"unknown",moduleName:t.moduleName,resourceType:t.resourceType};if(t.accessDeclaration){let n=t.accessDeclaration.split(",").map(i=>i.trim());if(n[0]==="uniform")return{...e,kind:"uniform",access:"uniform"};if(n[0]==="storage"){let i=n[1]||"read_write";return{...e,kind:i==="read"?"read-only-storage":"storage",access:i}}}return t.resourceType==="sampler"||t.resourceType==="sampler_comparison"?{...e,kind:"sampler",samplerKind:t.resourceType==="sampler_comparison"?"comparison":"filtering"}:t.resourceType.startsWith("texture_storage_")?{...e,kind:"storage-texture",access:wr(t.resourceType),viewDimension:On(t.resourceType)}:t.resourceType.startsWith("texture_")?{...e,kind:"texture",viewDimension:On(t.resourceType),sampleType:vr(t.resourceType),multisampled:t.resourceType.startsWith("texture_multisampled_")}:e}function Nn(t,e,n){return`${e}:${n}:${t}`}function On(t){if(t.includes("cube_array"))return"cube-array";if(t.includes("2d_array"))return"2d-array";if(t.includes("cube"))return"cube";if(t.includes("3d"))return"3d";if(t.includes("2d"))return"2d";if(t.includes("1d"))return"1d"}function vr(t){if(t.startsWith("texture_depth_"))return"depth";if(t.includes("<i32>"))return"sint";if(t.includes("<u32>"))return"uint";if(t.includes("<f32>"))return"float"}function wr(t){return/,\s*([A-Za-z_][A-Za-z0-9_]*)\s*>$/.exec(t)?.[1]}var X="([a-zA-Z_][a-zA-Z0-9_]*)",Sr=/^\s*\#\s*if\s+(.+?)\s*(?:\/\/.*)?$/,Er=new RegExp(`^\\s*\\#\\s*ifdef\\s*${X}\\s*$`),Ar=new RegExp(`^\\s*\\#\\s*ifndef\\s*${X}\\s*(?:\\/\\/.*)?$`),Lr=/^\s*\#\s*else\s*(?:\/\/.*)?$/,Br=/^\s*\#\s*endif\s*$/,Ir=new RegExp(`^\\s*\\#\\s*ifdef\\s*${X}\\s*(?:\\/\\/.*)?$`),Tr=/^\s*\#\s*endif\s*(?:\/\/.*)?$/;function Y(t,e){let n=t.split(`
`),i=[],r=[],s=!0;for(let o of n){let a=o.match(Sr),u=o.match(Ir)||o.match(Er),c=o.match(Ar),l=o.match(Lr),p=o.match(Tr)||o.match(Br);if(a){let h=Pr(a[1],e?.defines||{}),d=s&&h;r.push({parentActive:s,branchTaken:h,active:d}),s=d}else if(u||c){let h=(u||c)?.[1],d=!!e?.defines?.[h],m=u?d:!d,g=s&&m;r.push({parentActive:s,branchTaken:m,active:g}),s=g}else if(l){let h=r[r.length-1];if(!h)throw new Error("Encountered #else without matching #if, #ifdef or #ifndef");h.active=h.parentActive&&!h.branchTaken,h.branchTaken=!0,s=h.active}else p?(r.pop(),s=r.length?r[r.length-1].active:!0):s&&i.push(o)}if(r.length>0)throw new Error("Unterminated conditional block in shader source");return i.join(`
`)}function Pr(t,e){let n=t.trim();if(/^[+-]?\d+(?:\.\d+)?$/.test(n))return Number(n)!==0;if(n==="true")return!0;if(n==="false")return!1;let i=n.match(new RegExp(`^!\\s*${X}$`));if(i)return!e[i[1]];let r=n.match(new RegExp(`^${X}$`));if(r)return!!e[r[1]];let s=n.match(new RegExp(`^defined\\s*\\(\\s*${X}\\s*\\)$`));if(s)return e[s[1]]!==void 0;let o=n.match(new RegExp(`^!\\s*defined\\s*\\(\\s*${X}\\s*\\)$`));if(o)return e[o[1]]===void 0;throw new Error(`Unsupported #if expression "${t}"`)}function Fn(t,e){let n=[];for(let[i,r]of Object.entries(e))Nr(t,i),n.push(`in ${We(r)} ${i};`);return n.join(`
`)}function Mn(t,e,n){let i=Object.entries(n);if(i.length===0)return{source:t,declarations:"",initialization:""};let r=Or(t,e),s=t.slice(r.openParenthesis+1,r.closeParenthesis),o=Dr(t,s),a=new Set(o.locations),u=[],c=[],l=[];for(let[g,y]of i){if(o.names.has(g)||Mr(t,g))throw new Error(`ShaderPlugin vertex input "${g}" conflicts with an existing WGSL shader input or variable`);let v=Gr(a);a.add(v);let _=`_luma_${g}`;u.push(`@location(${v}) ${_}: ${y}`),c.push(`var<private> ${g}: ${y};`),l.push(`${g} = ${_};`)}let p=s.trim()?`,
  `:`
  `,h=s.trim()?"":`
`,d=`${s}${p}${u.join(`,
  `)}${h}`;return{source:t.slice(0,r.openParenthesis+1)+d+t.slice(r.closeParenthesis),declarations:c.join(`
`),initialization:l.join(`
`)}}function We(t){let{primitiveType:e,components:n}=j.getAttributeShaderTypeInfo(t),i=e==="i32"?"int":e==="u32"?"uint":"float";return n===1?i:`${i==="int"?"i":i==="uint"?"u":""}vec${n}`}function Nr(t,e){let n=je(e);if(new RegExp(`\\b(?:in|attribute)\\s+(?:(?:lowp|mediump|highp)\\s+)?[A-Za-z_][A-Za-z0-9_]*\\s+${n}\\s*(?:\\[|;)`).test(t))throw new Error(`ShaderPlugin vertex input "${e}" conflicts with an existing GLSL input`)}function Or(t,e){let i=new RegExp(`\\bfn\\s+${je(e)}\\s*\\(`,"g").exec(t);if(!i)throw new Error(`ShaderPlugin vertex inputs require WGSL vertex entry point "${e}"`);let r=t.indexOf("(",i.index),s=Gn(t,r,"(",")");if(s<0)throw new Error(`Unable to parse WGSL vertex entry point "${e}" parameters`);return{openParenthesis:r,closeParenthesis:s}}function Dr(t,e){let n=Dn(e),i=new Set(Rn(e)),r=Rr(e);for(let s of r){let o=Fr(t,s);if(o!==null){n.push(...Dn(o));for(let a of Rn(o))i.add(a)}}return{locations:n,names:i}}function Dn(t){let e=[],n=/@location\s*\(\s*(\d+)\s*\)/g,i=n.exec(t);for(;i;)e.push(Number(i[1])),i=n.exec(t);return e}function Rn(t){let e=[],n=/(?:^|,)\s*(?:@[A-Za-z_][\w]*(?:\([^)]*\))?\s*)*([A-Za-z_][\w]*)\s*:/gm,i=n.exec(t);for(;i;)e.push(i[1]),i=n.exec(t);return e}function Rr(t){let e=[],n=/:\s*([A-Za-z_][\w]*)\b/g,i=n.exec(t);for(;i;)e.push(i[1]),i=n.exec(t);return e}function Fr(t,e){let i=new RegExp(`\\bstruct\\s+${je(e)}\\s*\\{`,"g").exec(t);if(!i)return null;let r=t.indexOf("{",i.index),s=Gn(t,r,"{","}");return s<0?null:t.slice(r+1,s)}function Mr(t,e){let n=je(e),i=new RegExp(`\\b(?:var(?:<[^>]+>)?|let|const)\\s+${n}\\b`,"g"),r=i.exec(t);for(;r;){if(Cr(t,r.index)===0)return!0;r=i.exec(t)}return!1}function Gr(t){let e=0;for(;t.has(e);)e++;return e}function Gn(t,e,n,i){let r=0,s=0,o=!1;for(let a=e;a<t.length;a++){let u=t[a],c=t[a+1];if(o){u===`
`&&(o=!1);continue}if(s>0){u==="/"&&c==="*"?(s++,a++):u==="*"&&c==="/"&&(s--,a++);continue}if(u==="/"&&c==="/"){o=!0,a++;continue}if(u==="/"&&c==="*"){s=1,a++;continue}if(u===n&&r++,u===i&&--r===0)return a}return-1}function Cr(t,e){let n=0,i=0,r=!1;for(let s=0;s<e;s++){let o=t[s],a=t[s+1];if(r){o===`
`&&(r=!1);continue}if(i>0){o==="/"&&a==="*"?(i++,s++):o==="*"&&a==="/"&&(i--,s++);continue}o==="/"&&a==="/"?(r=!0,s++):o==="/"&&a==="*"?(i=1,s++):o==="{"?n++:o==="}"&&n--}return n}function je(t){return t.replace(/[.*+?^${}()|[\]\\]/g,"\\$&")}function Un(t,e,n){let i=[],r=[];for(let[s,o]of Object.entries(n)){Yr(t,s);let a=o.interpolation==="flat"?"flat ":"",u=e==="vertex"?"out":"in";i.push(`${a}${u} ${We(o.type)} ${s};`),e==="vertex"&&r.push(`${s} = ${Kr(o.type)};`)}return{declarations:i.join(`
`),initialization:r.join(`
`)}}function $n(t,e,n,i){let r=Object.entries(i);if(r.length===0)return{source:t,declarations:"",vertexInitialization:"",fragmentInitialization:""};let s=t,o=qe(s,e,"vertex"),a=Ur(s,o),u=qe(s,n,"fragment"),c=$r(s,u),l=xt(s,a),p=xt(s,c.type),h=new Set([...He(o.parameters),...He(l.body),...He(u.parameters),...He(p.body)]),d=new Set([...Cn(l.body),...Cn(p.body)]),m=[],g=[],y=[],v=[];for(let[x,E]of r){if(h.has(x)||Hr(s,x))throw new Error(`ShaderPlugin varying "${x}" conflicts with existing WGSL stage I/O or a module variable`);let I=Zr(d);d.add(I);let O=E.interpolation==="flat"?" @interpolate(flat)":"";m.push(`  @location(${I})${O} ${x}: ${E.type},`),g.push(`var<private> ${x}: ${E.type};`),y.push(`${x} = ${Xr(E.type)};`),v.push(`${x} = ${c.name}.${x};`)}kr(s,a,o.openBrace,o.closeBrace),s=zr(s,a,o,r.map(([x])=>x)),o=qe(s,e,"vertex"),s=Vr(s,o,r.map(([x])=>x));let T=(a===c.type?[a]:[a,c.type]).map(x=>xt(s,x).closeBrace).sort((x,E)=>E-x);for(let x of T)s=s.slice(0,x)+`${m.join(`
`)}
`+s.slice(x);if(u=qe(s,n,"fragment"),!new RegExp(`\\b${J(c.name)}\\s*:`).test(u.parameters))throw new Error(`Unable to preserve WGSL fragment input "${c.name}"`);return{source:s,declarations:g.join(`
`),vertexInitialization:y.join(`
`),fragmentInitialization:v.join(`
`)}}function qe(t,e,n){let r=new RegExp(`\\bfn\\s+${J(e)}\\s*\\(`,"g").exec(t);if(!r)throw new Error(`ShaderPlugin varyings require WGSL ${n} entry point "${e}"`);let s=t.indexOf("(",r.index),o=Ze(t,s,"(",")"),a=t.indexOf("{",o),u=Ze(t,a,"{","}");if(o<0||a<0||u<0)throw new Error(`Unable to parse WGSL ${n} entry point "${e}"`);return{openParenthesis:s,closeParenthesis:o,openBrace:a,closeBrace:u,parameters:t.slice(s+1,o)}}function Ur(t,e){let n=t.slice(e.closeParenthesis+1,e.openBrace),i=/->\s*([A-Za-z_][\w]*)\s*$/.exec(n.trim());if(!i||vt(t,i[1])===null)throw new Error("ShaderPlugin varyings require the WGSL vertex entry point to return a named struct");return i[1]}function $r(t,e){let n=[];for(let i of qr(e.parameters,",")){let r=/(?:@[A-Za-z_][\w]*(?:\([^)]*\))?\s*)*([A-Za-z_][\w]*)\s*:\s*([A-Za-z_][\w]*)\s*$/.exec(i.trim());r&&vt(t,r[2])&&n.push({name:r[1],type:r[2]})}if(n.length!==1)throw new Error(`ShaderPlugin varyings require exactly one named WGSL fragment input struct; found ${n.length}`);return n[0]}function xt(t,e){let n=vt(t,e);if(!n)throw new Error(`Unable to find WGSL stage I/O struct "${e}"`);return n}function vt(t,e){let i=new RegExp(`\\bstruct\\s+${J(e)}\\s*\\{`,"g").exec(t);if(!i)return null;let r=t.indexOf("{",i.index),s=Ze(t,r,"{","}");return s<0?null:{openBrace:r,closeBrace:s,body:t.slice(r+1,s)}}function kr(t,e,n,i){let r=new RegExp(`\\b${J(e)}\\s*\\(`,"g"),s=r.exec(t);for(;s;){if(s.index<n||s.index>i)throw new Error(`ShaderPlugin varying output struct "${e}" is constructed outside the selected vertex entry point`);s=r.exec(t)}}function zr(t,e,n,i){let r=new RegExp(`\\b${J(e)}\\s*\\(`,"g"),s=[],o=r.exec(t);for(;o;){if(o.index>n.openBrace&&o.index<n.closeBrace){let a=t.indexOf("(",o.index),u=Ze(t,a,"(",")");if(u<0||u>n.closeBrace)throw new Error(`Unable to parse WGSL output constructor "${e}"`);s.push({openParenthesis:a,closeParenthesis:u})}o=r.exec(t)}for(let a of s.sort((u,c)=>c.closeParenthesis-u.closeParenthesis)){let c=t.slice(a.openParenthesis+1,a.closeParenthesis).trim()?", ":"";t=t.slice(0,a.closeParenthesis)+c+i.join(", ")+t.slice(a.closeParenthesis)}return t}function Vr(t,e,n){let i=Wr(t,e.openBrace+1,e.closeBrace);for(let r=i.length-1;r>=0;r--){let s=i[r],o=t.slice(s.expressionStart,s.semicolon).trim();if(!o)throw new Error("ShaderPlugin varying vertex entry point cannot use an empty return");let a=`_luma_vertexOutput${r}`,u=n.map(l=>`${a}.${l} = ${l};`).join(`
`),c=`{
var ${a} = ${o};
${u}
return ${a};
}`;t=t.slice(0,s.start)+c+t.slice(s.semicolon+1)}return t}function Wr(t,e,n){let i=[],r=e;for(;r<n;)if(r=wt(t,r,n),t.slice(r,r+6)==="return"&&!/[A-Za-z0-9_]/.test(t[r+6]||"")){let s=r+6,o=jr(t,s,n);if(o<0)throw new Error("Unable to parse WGSL return statement in selected vertex entry point");i.push({start:r,expressionStart:s,semicolon:o}),r=o+1}else r++;return i}function jr(t,e,n){let i=0,r=0;for(let s=e;s<n;s++){let o=wt(t,s,n);if(o!==s){s=o-1;continue}let a=t[s];if(a==="("&&i++,a===")"&&i--,a==="["&&r++,a==="]"&&r--,a===";"&&i===0&&r===0)return s}return-1}function wt(t,e,n){let i=e;if(t[i]==="/"&&t[i+1]==="/"){let r=t.indexOf(`
`,i+2);return r<0||r>n?n:r+1}if(t[i]==="/"&&t[i+1]==="*"){let r=1;for(i+=2;i<n&&r>0;)t[i]==="/"&&t[i+1]==="*"?(r++,i+=2):t[i]==="*"&&t[i+1]==="/"?(r--,i+=2):i++}return i}function qr(t,e){let n=[],i=0,r=0,s=0;for(let o=0;o<t.length;o++){let a=t[o];a==="("&&r++,a===")"&&r--,a==="<"&&s++,a===">"&&s--,a===e&&r===0&&s===0&&(n.push(t.slice(i,o)),i=o+1)}return n.push(t.slice(i)),n}function Cn(t){let e=[],n=/@location\s*\(\s*(\d+)\s*\)/g,i=n.exec(t);for(;i;)e.push(Number(i[1])),i=n.exec(t);return e}function He(t){let e=[],n=/(?:^|,)\s*(?:@[A-Za-z_][\w]*(?:\([^)]*\))?\s*)*([A-Za-z_][\w]*)\s*:/gm,i=n.exec(t);for(;i;)e.push(i[1]),i=n.exec(t);return e}function Hr(t,e){let n=new RegExp(`\\b(?:var(?:<[^>]+>)?|let|const)\\s+${J(e)}\\b`,"g"),i=n.exec(t);for(;i;){if(Jr(t,i.index)===0)return!0;i=n.exec(t)}return!1}function Zr(t){let e=0;for(;t.has(e);)e++;return e}function Kr(t){let{primitiveType:e,components:n}=j.getAttributeShaderTypeInfo(t),i=e==="u32"?"0u":e==="i32"?"0":"0.0";return n===1?i:`${We(t)}(${i})`}function Xr(t){let{primitiveType:e,components:n}=j.getAttributeShaderTypeInfo(t),i=`${e}(0)`;return n===1?i:`${t}(${i})`}function Yr(t,e){if(new RegExp(`\\b(?:flat\\s+|smooth\\s+)?(?:in|out|varying)\\s+(?:(?:lowp|mediump|highp)\\s+)?[A-Za-z_][A-Za-z0-9_]*\\s+${J(e)}\\s*(?:\\[|;)`).test(t))throw new Error(`ShaderPlugin varying "${e}" conflicts with existing GLSL stage I/O`)}function Ze(t,e,n,i){let r=0,s=0,o=!1;for(let a=e;a<t.length;a++){let u=t[a],c=t[a+1];if(o){u===`
`&&(o=!1);continue}if(s>0){u==="/"&&c==="*"?(s++,a++):u==="*"&&c==="/"&&(s--,a++);continue}if(u==="/"&&c==="/"){o=!0,a++;continue}if(u==="/"&&c==="*"){s=1,a++;continue}if(u===n&&r++,u===i&&--r===0)return a}return-1}function Jr(t,e){let n=0;for(let i=0;i<e;i++){let r=wt(t,i,e);if(r!==i){i=r-1;continue}t[i]==="{"&&n++,t[i]==="}"&&n--}return n}function J(t){return t.replace(/[.*+?^${}()|[\]\\]/g,"\\$&")}var St=`

${_e}
`,Se=100,Qr=`precision highp float;
`;function Vn(t){let e=K(t.modules||[]),{source:n,bindingAssignments:i}=es(t.platformInfo,{...t,source:t.source,stage:"vertex",modules:e});return{source:n,getUniforms:jn(e),bindingAssignments:i,bindingTable:Ve(n,i),shaderLayout:Ue(n,{vertexEntryPoint:t.vertexEntryPoint,scanVertexAttributes:t.scanVertexAttributes})}}function Wn(t){let{vs:e,fs:n}=t,i=K(t.modules||[]);return{vs:kn(t.platformInfo,{...t,source:e,stage:"vertex",modules:i}),fs:kn(t.platformInfo,{...t,source:n,stage:"fragment",modules:i}),getUniforms:jn(i)}}function es(t,e){let{source:n,stage:i,modules:r,defines:s={},hookFunctions:o=[],inject:a={},pluginInjections:u={},pluginVertexInputs:c={},pluginVaryings:l={},vertexEntryPoint:p="vertexMain",fragmentEntryPoint:h="fragmentMain",log:d}=e;k(typeof n=="string","shader source must be a string");let m=Y(n,{defines:s}),g=Mn(m,p,c),y=$n(g.source,p,h,l),v=y.source,_="",T=yt(o),w={},x={},E={};qn(u,w,x,E);for(let A in a){let L=typeof a[A]=="string"?{injection:a[A],order:0}:a[A],R=/^(v|f)s:(#)?([\w-]+)$/.exec(A);if(R){let Oe=R[2],U=R[3];Oe?U==="decl"?x[A]=[L]:E[A]=[L]:w[A]=[L]}else E[A]=[L]}ts(g.declarations,g.initialization,x,E),ns(y,x,E);let I=r,O=us(v),H=as(O.source),S=ds(I,e._bindingRegistry,H,s),F=[];for(let A of I){d&&mt(A,v,d);let L=Y(Hn(A,"wgsl",d),{defines:s}),R=fs(L,A,{usedBindingsByGroup:H,bindingRegistry:e._bindingRegistry,reservedBindingKeysByGroup:S});F.push(...R.bindingAssignments);let Oe=R.source;_+=Oe;let U=is(A);for(let $ in U){let Wt=/^(v|f)s:#([\w-]+)$/.exec($);if(Wt){let st=Wt[2]==="decl"?x:E;st[$]=st[$]||[],st[$].push(U[$])}else w[$]=w[$]||[],w[$].push(U[$])}}return _+=St,_=be(_,i,rs(x),!1,"wgsl",{vertex:p,fragment:h}),_+=ss(T,w),_+=bs(F),_+=O.source,_=be(_,i,E,!1,"wgsl",{vertex:p,fragment:h}),_s(_),{source:_,bindingAssignments:F}}function kn(t,e){let{source:n,stage:i,language:r="glsl",modules:s,defines:o={},hookFunctions:a=[],inject:u={},pluginInjections:c={},pluginVertexInputs:l={},pluginVaryings:p={},prologue:h=!0,log:d}=e;k(typeof n=="string","shader source must be a string");let m=r==="glsl"?Tn(n).version:-1,g=t.shaderLanguageVersion,y=m===100?"#version 100":"#version 300 es",_=n.split(`
`).slice(1).join(`
`),T={};s.forEach(S=>{Object.assign(T,S.defines)}),Object.assign(T,o);let w="";switch(r){case"wgsl":break;case"glsl":w=h?`${y}

// ----- PROLOGUE -------------------------
${`#define SHADER_TYPE_${i.toUpperCase()}`}

${An(t)}
${i==="fragment"?Qr:""}

// ----- APPLICATION DEFINES -------------------------

${os(T)}

`:`${y}
`;break}let x=yt(a),E={},I={},O={};qn(c,E,I,O);for(let S in u){let F=typeof u[S]=="string"?{injection:u[S],order:0}:u[S],A=/^(v|f)s:(#)?([\w-]+)$/.exec(S);if(A){let L=A[2],R=A[3];L?R==="decl"?I[S]=[F]:O[S]=[F]:E[S]=[F]}else O[S]=[F]}if(i==="vertex"){let S=Fn(_,l);S&&(I["vs:#decl"]=I["vs:#decl"]||[],I["vs:#decl"].push({injection:S,order:Number.MIN_SAFE_INTEGER}))}let H=Un(_,i,p);if(H.declarations){let S=i==="vertex"?"vs:#decl":"fs:#decl";I[S]=I[S]||[],I[S].push({injection:H.declarations,order:Number.MIN_SAFE_INTEGER})}H.initialization&&(O["vs:#main-start"]=O["vs:#main-start"]||[],O["vs:#main-start"].push({injection:H.initialization,order:Number.MIN_SAFE_INTEGER}));for(let S of s){d&&mt(S,_,d);let F=Hn(S,i,d);w+=F;let A=S.instance?.normalizedInjections[i]||{};for(let L in A){let R=/^(v|f)s:#([\w-]+)$/.exec(L);if(R){let U=R[2]==="decl"?I:O;U[L]=U[L]||[],U[L].push(A[L])}else E[L]=E[L]||[],E[L].push(A[L])}}return w+="// ----- MAIN SHADER SOURCE -------------------------",w+=St,w=be(w,i,I),w+=ze(x[i],E),w+=_,w=be(w,i,O),r==="glsl"&&m!==g&&(w=Bn(w,i)),r==="glsl"&&_t(w,i,d),w.trim()}function jn(t){return function(n){let i={};for(let r of t){let s=r.getUniforms?.(n,i);Object.assign(i,s)}return i}}function qn(t,e,n,i){for(let r in t){let s=/^(v|f)s:(#)?([\w-]+)$/.exec(r);if(s){let o=s[2],a=s[3],u=o?a==="decl"?n:i:e;u[r]=u[r]||[],u[r].push(...t[r])}else i[r]=i[r]||[],i[r].push(...t[r])}}function ts(t,e,n,i){t&&(n["vs:#decl"]=n["vs:#decl"]||[],n["vs:#decl"].push({injection:t,order:Number.MIN_SAFE_INTEGER})),e&&(i["vs:#main-start"]=i["vs:#main-start"]||[],i["vs:#main-start"].push({injection:e,order:Number.MIN_SAFE_INTEGER}))}function ns(t,e,n){t.declarations&&(e["vs:#decl"]=e["vs:#decl"]||[],e["vs:#decl"].push({injection:t.declarations,order:Number.MIN_SAFE_INTEGER})),t.vertexInitialization&&(n["vs:#main-start"]=n["vs:#main-start"]||[],n["vs:#main-start"].push({injection:t.vertexInitialization,order:Number.MIN_SAFE_INTEGER})),t.fragmentInitialization&&(n["fs:#main-start"]=n["fs:#main-start"]||[],n["fs:#main-start"].push({injection:t.fragmentInitialization,order:Number.MIN_SAFE_INTEGER}))}function is(t){return{...t.instance?.normalizedInjections.vertex||{},...t.instance?.normalizedInjections.fragment||{}}}function rs(t){let e=[...t["vs:#decl"]||[],...t["fs:#decl"]||[]];return e.length?{"vs:#decl":e}:{}}function ss(t,e){return ze(t.vertex,e,"wgsl")+ze(t.fragment,e,"wgsl")}function os(t={}){let e="";for(let n in t){let i=t[n];(i||Number.isFinite(i))&&(e+=`#define ${n.toUpperCase()} ${t[n]}
`)}return e}function Hn(t,e,n){let i;switch(e){case"vertex":i=t.vs||"";break;case"fragment":i=t.fs||"";break;case"wgsl":i=t.source||"";break;default:k(!1)}if(!t.name)throw new Error("Shader module must have a name");gt(t,e,{log:n});let r=t.name.toUpperCase().replace(/[^0-9a-z]/gi,"_"),s=`// ----- MODULE ${t.name} ---------------

`;return e!=="wgsl"&&(s+=`#define MODULE_${r}
`),s+=`${i}
`,s}function as(t){let e=new Map;for(let n of Z(t,sn)){let i=Number(n.bindingToken),r=Number(n.groupToken);Et(r,i,n.name),re(e,r,i,`application binding "${n.name}"`)}return e}function us(t){let e=Z(t,Ge),n=new Map;for(let s of e){if(s.bindingToken==="auto")continue;let o=Number(s.bindingToken),a=Number(s.groupToken);Et(a,o,s.name),re(n,a,o,`application binding "${s.name}"`)}let i={sawSupportedBindingDeclaration:e.length>0},r=at(t,Ge,s=>ls(s,n,i));if(ut(t)&&!i.sawSupportedBindingDeclaration)throw new Error('Unsupported @binding(auto) declaration form in application WGSL. Use adjacent "@group(N)" and "@binding(auto)" decorators followed by a bindable "var" declaration.');return{source:r}}function fs(t,e,n){let i=[],s={sawSupportedBindingDeclaration:Z(t,te).length>0,nextHintedBindingLocation:typeof e.firstBindingSlot=="number"?e.firstBindingSlot:null},o=at(t,te,a=>cs(a,{module:e,context:n,bindingAssignments:i,relocationState:s}));if(ut(t)&&!s.sawSupportedBindingDeclaration)throw new Error(`Unsupported @binding(auto) declaration form in module "${e.name}". Use adjacent "@group(N)" and "@binding(auto)" decorators followed by a bindable "var" declaration.`);return{source:o,bindingAssignments:i}}function cs(t,e){let{module:n,context:i,bindingAssignments:r,relocationState:s}=e,{match:o,bindingToken:a,groupToken:u,name:c}=t,l=Number(u);if(a==="auto"){let h=Zn(l,n.name,c),d=i.bindingRegistry?.get(h),m=d!==void 0?d:ms(l,i.usedBindingsByGroup,n.name,s.nextHintedBindingLocation??void 0,i.bindingRegistry);return zn(n.name,l,m,c),d!==void 0&&ps(i.reservedBindingKeysByGroup,l,m,h)?(r.push({moduleName:n.name,name:c,group:l,location:m}),o.replace(/@binding\(\s*auto\s*\)/,`@binding(${m})`)):(re(i.usedBindingsByGroup,l,m,`module "${n.name}" binding "${c}"`),i.bindingRegistry?.set(h,m),r.push({moduleName:n.name,name:c,group:l,location:m}),s.nextHintedBindingLocation!==null&&d===void 0&&(s.nextHintedBindingLocation=m+1),o.replace(/@binding\(\s*auto\s*\)/,`@binding(${m})`))}let p=Number(a);return zn(n.name,l,p,c),re(i.usedBindingsByGroup,l,p,`module "${n.name}" binding "${c}"`),r.push({moduleName:n.name,name:c,group:l,location:p}),o}function ls(t,e,n){let{match:i,bindingToken:r,groupToken:s,name:o}=t,a=Number(s);if(r==="auto"){let u=gs(a,e);return Et(a,u,o),re(e,a,u,`application binding "${o}"`),i.replace(/@binding\(\s*auto\s*\)/,`@binding(${u})`)}return n.sawSupportedBindingDeclaration=!0,i}function ds(t,e,n,i){let r=new Map;if(!e)return r;for(let s of t)for(let o of hs(s,i)){let a=Zn(o.group,s.name,o.name),u=e.get(a);if(u!==void 0){let c=r.get(o.group)||new Map,l=c.get(u);if(l&&l!==a)throw new Error(`Duplicate WGSL binding reservation for modules "${l}" and "${a}": group ${o.group}, binding ${u}.`);re(n,o.group,u,`registered module binding "${a}"`),c.set(u,a),r.set(o.group,c)}}return r}function ps(t,e,n,i){let r=t.get(e);if(!r)return!1;let s=r.get(n);if(!s)return!1;if(s!==i)throw new Error(`Registered module binding "${i}" collided with "${s}": group ${e}, binding ${n}.`);return!0}function hs(t,e){let n=[],i=Y(t.source||"",{defines:e});for(let r of Z(i,te))n.push({name:r.name,group:Number(r.groupToken)});return n}function Et(t,e,n){if(t===0&&e>=Se)throw new Error(`Application binding "${n}" in group 0 uses reserved binding ${e}. Application-owned explicit group-0 bindings must stay below ${Se}.`)}function zn(t,e,n,i){if(e===0&&n<Se)throw new Error(`Module "${t}" binding "${i}" in group 0 uses reserved application binding ${n}. Module-owned explicit group-0 bindings must be ${Se} or higher.`)}function re(t,e,n,i){let r=t.get(e)||new Set;if(r.has(n))throw new Error(`Duplicate WGSL binding assignment for ${i}: group ${e}, binding ${n}.`);r.add(n),t.set(e,r)}function ms(t,e,n,i,r){let s=e.get(t)||new Set,o=new Set,a=`${t}:`,u=`${a}${n}:`;for(let[l,p]of r||[])l.startsWith(u)&&o.add(p);let c=i??(t===0?Se:s.size>0?Math.max(...s)+1:0);for(;s.has(c)||o.has(c);)c++;for(let[l,p]of r||[])p===c&&l.startsWith(a)&&r?.delete(l);return c}function gs(t,e){let n=e.get(t)||new Set,i=0;for(;n.has(i);)i++;return i}function _s(t){let e=on(t,te);if(!e)return;let n=ys(t,e.index);throw n?new Error(`Unresolved @binding(auto) for module "${n}" binding "${e.name}" remained in assembled WGSL source.`):xs(t,e.index)?new Error(`Unresolved @binding(auto) for application binding "${e.name}" remained in assembled WGSL source.`):new Error(`Unresolved @binding(auto) remained in assembled WGSL source near "${vs(e.match)}".`)}function bs(t){if(t.length===0)return"";let e=`// ----- MODULE WGSL BINDING ASSIGNMENTS ---------------
`;for(let n of t)e+=`// ${n.moduleName}.${n.name} -> @group(${n.group}) @binding(${n.location})
`;return e+=`
`,e}function Zn(t,e,n){return`${t}:${e}:${n}`}function ys(t,e){let n=/^\/\/ ----- MODULE ([^\n]+) ---------------$/gm,i,r;for(r=n.exec(t);r&&r.index<=e;)i=r[1],r=n.exec(t);return i}function xs(t,e){let n=t.indexOf(St);return n>=0?e>n:!0}function vs(t){return t.replace(/\s+/g," ").trim()}var z=class z{constructor(){f(this,"_hookFunctions",[]);f(this,"_defaultModules",[])}static getDefaultShaderAssembler(e){return k(e==="glsl"||e==="wgsl"),e==="wgsl"?(z.defaultShaderAssemblers.wgsl=z.defaultShaderAssemblers.wgsl||new se,z.defaultShaderAssemblers.wgsl):(z.defaultShaderAssemblers.glsl=z.defaultShaderAssemblers.glsl||new Ke,z.defaultShaderAssemblers.glsl)}addDefaultModule(e){this._defaultModules.find(n=>n.name===(typeof e=="string"?e:e.name))||this._defaultModules.push(e)}removeDefaultModule(e){let n=typeof e=="string"?e:e.name;this._defaultModules=this._defaultModules.filter(i=>i.name!==n)}addShaderHook(e,n){n&&(e=Object.assign(n,{hook:e})),this._hookFunctions.push(e)}_getModuleList(e=[]){let n=new Array(this._defaultModules.length+e.length),i={},r=0;for(let s=0,o=this._defaultModules.length;s<o;++s){let a=this._defaultModules[s],u=a.name;n[r++]=a,i[u]=!0}for(let s=0,o=e.length;s<o;++s){let a=e[s],u=a.name;i[u]||(n[r++]=a,i[u]=!0)}return n.length=r,ie(n),n}};f(z,"defaultShaderAssemblers",{});var M=z,Ke=class extends M{constructor(){super(...arguments);f(this,"shaderLanguage","glsl")}assembleGLSLShaderPair(n){let i=this._getModuleList(n.modules),r=this._hookFunctions;return{...Wn({...n,vs:n.vs,fs:n.fs,modules:i,hookFunctions:r}),modules:i}}},se=class t extends M{constructor(){super(...arguments);f(this,"shaderLanguage","wgsl");f(this,"_wgslBindingRegistry",new Map)}assembleWGSLShader(n){let i=this._getModuleList(n.modules),r=this._hookFunctions,s=t.getShaderPreprocessorDefines(n,i),o=n.platformInfo.shaderLanguage==="wgsl"&&n.source?Y(n.source,{defines:s}):n.source,{source:a,getUniforms:u,bindingAssignments:c}=Vn({...n,source:o,defines:s,_bindingRegistry:this._wgslBindingRegistry,modules:i,hookFunctions:r}),l=n.platformInfo.shaderLanguage==="wgsl"?Y(a,{defines:s}):a;return{source:l,getUniforms:u,modules:i,bindingAssignments:c,bindingTable:Ve(l,c),shaderLayout:Ue(l,{vertexEntryPoint:n.vertexEntryPoint,scanVertexAttributes:n.scanVertexAttributes})}}static getShaderPreprocessorDefines(n,i){return{...t.getPlatformPreprocessorDefines(n.platformInfo),...i.reduce((r,s)=>(Object.assign(r,s.defines),r),{}),...n.defines}}static getPlatformPreprocessorDefines(n){let i=n.limits||{};return{LUMA_SUPPORTS_VERTEX_STORAGE_BUFFERS:n.type==="webgpu"&&(i.maxStorageBuffersInVertexStage||0)>0,LUMA_FP32_TAN_PRECISION_WORKAROUND:n.type==="webgpu"&&n.gpu.toLowerCase()!=="nvidia"&&n.gpu.toLowerCase()!=="amd",LUMA_FP64_INTEGER_ARITHMETIC:n.type==="webgpu"&&n.gpu.toLowerCase()==="apple"}}};var ws=`out vec4 transform_output;
void main() {
  transform_output = vec4(0);
}`,Ss=`#version 300 es
${ws}`;function At(t){let{input:e,inputChannels:n,output:i}=t||{};if(!e)return Ss;if(!n)throw new Error("inputChannels");let r=Es(n),s=Kn(e,n);return`#version 300 es
in ${r} ${e};
out vec4 ${i};
void main() {
  ${i} = ${s};
}`}function Es(t){switch(t){case 1:return"float";case 2:return"vec2";case 3:return"vec3";case 4:return"vec4";default:throw new Error(`invalid channels: ${t}`)}}function Kn(t,e){switch(e){case 1:return`vec4(${t}, 0.0, 0.0, 1.0)`;case 2:return`vec4(${t}, 0.0, 1.0)`;case 3:return`vec4(${t}, 1.0)`;case 4:return t;default:throw new Error(`invalid channels: ${e}`)}}function Lt(t,e=[],n=0){let i=Math.fround(t),r=t-i;return e[n]=i,e[n+1]=r,e}function Xn(t){return t-Math.fround(t)}function Yn(t){let e=new Float32Array(32);for(let n=0;n<4;++n)for(let i=0;i<4;++i){let r=n*4+i;Lt(t[i*4+n],e,r*2)}return e}function Jn(t,e=!0){return t??e}function As(t=[0,0,0],e=!0){return e?t.map(n=>n/255):[...t]}function Qn(t,e=!0){let n=As(t.slice(0,3),e),i=Number.isFinite(t[3]),r=i?t[3]:1;return[n[0],n[1],n[2],e&&i?r/255:r]}var Bt=`
layout(std140) uniform fp64arithmeticUniforms {
  uniform float ONE;
  uniform float SPLIT;
} fp64;

/*
About LUMA_FP64_CODE_ELIMINATION_WORKAROUND

The purpose of this workaround is to prevent shader compilers from
optimizing away necessary arithmetic operations by swapping their sequences
or transform the equation to some 'equivalent' form.

These helpers implement Dekker/Veltkamp-style error tracking. If the compiler
folds constants or reassociates the arithmetic, the high/low split can stop
tracking the rounding error correctly. That failure mode tends to look fine in
simple coordinate setup, but then breaks down inside iterative arithmetic such
as fp64 Mandelbrot loops.

The method is to multiply an artifical variable, ONE, which will be known to
the compiler to be 1 only at runtime. The whole expression is then represented
as a polynomial with respective to ONE. In the coefficients of all terms, only one a
and one b should appear

err = (a + b) * ONE^6 - a * ONE^5 - (a + b) * ONE^4 + a * ONE^3 - b - (a + b) * ONE^2 + a * ONE
*/

float prevent_fp64_optimization(float value) {
#if defined(LUMA_FP64_CODE_ELIMINATION_WORKAROUND)
  return value + fp64.ONE * 0.0;
#else
  return value;
#endif
}

// Divide float number to high and low floats to extend fraction bits
vec2 split(float a) {
  // Keep SPLIT as a runtime uniform so the compiler cannot fold the Dekker
  // split into a constant expression and reassociate the recovery steps.
  float split = prevent_fp64_optimization(fp64.SPLIT);
  float t = prevent_fp64_optimization(a * split);
  float temp = t - a;
  float a_hi = t - temp;
  float a_lo = a - a_hi;
  return vec2(a_hi, a_lo);
}

// Divide float number again when high float uses too many fraction bits
vec2 split2(vec2 a) {
  vec2 b = split(a.x);
  b.y += a.y;
  return b;
}

// Special sum operation when a > b
vec2 quickTwoSum(float a, float b) {
#if defined(LUMA_FP64_CODE_ELIMINATION_WORKAROUND)
  float sum = (a + b) * fp64.ONE;
  float err = b - (sum - a) * fp64.ONE;
#else
  float sum = a + b;
  float err = b - (sum - a);
#endif
  return vec2(sum, err);
}

// General sum operation
vec2 twoSum(float a, float b) {
  float s = (a + b);
#if defined(LUMA_FP64_CODE_ELIMINATION_WORKAROUND)
  float v = (s * fp64.ONE - a) * fp64.ONE;
  float err = (a - (s - v) * fp64.ONE) * fp64.ONE * fp64.ONE * fp64.ONE + (b - v);
#else
  float v = s - a;
  float err = (a - (s - v)) + (b - v);
#endif
  return vec2(s, err);
}

vec2 twoSub(float a, float b) {
  float s = (a - b);
#if defined(LUMA_FP64_CODE_ELIMINATION_WORKAROUND)
  float v = (s * fp64.ONE - a) * fp64.ONE;
  float err = (a - (s - v) * fp64.ONE) * fp64.ONE * fp64.ONE * fp64.ONE - (b + v);
#else
  float v = s - a;
  float err = (a - (s - v)) - (b + v);
#endif
  return vec2(s, err);
}

vec2 twoSqr(float a) {
  float prod = a * a;
  vec2 a_fp64 = split(a);
#if defined(LUMA_FP64_CODE_ELIMINATION_WORKAROUND)
  float err = ((a_fp64.x * a_fp64.x - prod) * fp64.ONE + 2.0 * a_fp64.x *
    a_fp64.y * fp64.ONE * fp64.ONE) + a_fp64.y * a_fp64.y * fp64.ONE * fp64.ONE * fp64.ONE;
#else
  float err = ((a_fp64.x * a_fp64.x - prod) + 2.0 * a_fp64.x * a_fp64.y) + a_fp64.y * a_fp64.y;
#endif
  return vec2(prod, err);
}

vec2 twoProd(float a, float b) {
  float prod = a * b;
  vec2 a_fp64 = split(a);
  vec2 b_fp64 = split(b);
  // twoProd is especially sensitive because mul_fp64 and div_fp64 both depend
  // on the split terms and cross terms staying in the original evaluation
  // order. If the compiler folds or reassociates them, the low part tends to
  // collapse to zero or NaN on some drivers.
  float highProduct = prevent_fp64_optimization(a_fp64.x * b_fp64.x);
  float crossProduct1 = prevent_fp64_optimization(a_fp64.x * b_fp64.y);
  float crossProduct2 = prevent_fp64_optimization(a_fp64.y * b_fp64.x);
  float lowProduct = prevent_fp64_optimization(a_fp64.y * b_fp64.y);
#if defined(LUMA_FP64_CODE_ELIMINATION_WORKAROUND)
  float err1 = (highProduct - prod) * fp64.ONE;
  float err2 = crossProduct1 * fp64.ONE * fp64.ONE;
  float err3 = crossProduct2 * fp64.ONE * fp64.ONE * fp64.ONE;
  float err4 = lowProduct * fp64.ONE * fp64.ONE * fp64.ONE * fp64.ONE;
#else
  float err1 = highProduct - prod;
  float err2 = crossProduct1;
  float err3 = crossProduct2;
  float err4 = lowProduct;
#endif
  float err = ((err1 + err2) + err3) + err4;
  return vec2(prod, err);
}

vec2 sum_fp64(vec2 a, vec2 b) {
  vec2 s, t;
  s = twoSum(a.x, b.x);
  t = twoSum(a.y, b.y);
  s.y += t.x;
  s = quickTwoSum(s.x, s.y);
  s.y += t.y;
  s = quickTwoSum(s.x, s.y);
  return s;
}

vec2 sub_fp64(vec2 a, vec2 b) {
  vec2 s, t;
  s = twoSub(a.x, b.x);
  t = twoSub(a.y, b.y);
  s.y += t.x;
  s = quickTwoSum(s.x, s.y);
  s.y += t.y;
  s = quickTwoSum(s.x, s.y);
  return s;
}

vec2 mul_fp64(vec2 a, vec2 b) {
  vec2 prod = twoProd(a.x, b.x);
  // y component is for the error
  prod.y += a.x * b.y;
#if defined(LUMA_FP64_HIGH_BITS_OVERFLOW_WORKAROUND)
  prod = split2(prod);
#endif
  prod = quickTwoSum(prod.x, prod.y);
  prod.y += a.y * b.x;
#if defined(LUMA_FP64_HIGH_BITS_OVERFLOW_WORKAROUND)
  prod = split2(prod);
#endif
  prod = quickTwoSum(prod.x, prod.y);
  return prod;
}

vec2 div_fp64(vec2 a, vec2 b) {
  float xn = 1.0 / b.x;
#if defined(LUMA_FP64_HIGH_BITS_OVERFLOW_WORKAROUND)
  vec2 yn = mul_fp64(a, vec2(xn, 0));
#else
  vec2 yn = a * xn;
#endif
  float diff = (sub_fp64(a, mul_fp64(b, yn))).x;
  vec2 prod = twoProd(xn, diff);
  return sum_fp64(yn, prod);
}

vec2 sqrt_fp64(vec2 a) {
  if (a.x == 0.0 && a.y == 0.0) return vec2(0.0, 0.0);
  if (a.x < 0.0) return vec2(0.0 / 0.0, 0.0 / 0.0);

  float x = 1.0 / sqrt(a.x);
  float yn = a.x * x;
#if defined(LUMA_FP64_CODE_ELIMINATION_WORKAROUND)
  vec2 yn_sqr = twoSqr(yn) * fp64.ONE;
#else
  vec2 yn_sqr = twoSqr(yn);
#endif
  float diff = sub_fp64(a, yn_sqr).x;
  vec2 prod = twoProd(x * 0.5, diff);
#if defined(LUMA_FP64_HIGH_BITS_OVERFLOW_WORKAROUND)
  return sum_fp64(split(yn), prod);
#else
  return sum_fp64(vec2(yn, 0.0), prod);
#endif
}
`;var ei=`struct Fp64F32Bits {
  sign: u32,
  baseExponent: i32,
  significand: u32,
  isZero: bool,
  isInf: bool,
  isNan: bool,
};

// Decode an f32 as (-1)^sign * significand * 2^baseExponent.
fn fp64_decode_f32_bits(bits: u32) -> Fp64F32Bits {
  let sign = bits >> 31u;
  let exponentBits = (bits >> 23u) & 0xffu;
  let fraction = bits & 0x7fffffu;

  if (exponentBits == 0xffu) {
    return Fp64F32Bits(sign, 0, 0u, false, fraction == 0u, fraction != 0u);
  }
  if (exponentBits == 0u) {
    return Fp64F32Bits(sign, -149, fraction, fraction == 0u, false, false);
  }
  return Fp64F32Bits(sign, i32(exponentBits) - 150, 0x800000u | fraction, false, false, false);
}

fn fp64_f32_magnitude_compare(aBits: u32, bBits: u32) -> i32 {
  let aMagnitude = aBits & 0x7fffffffu;
  let bMagnitude = bBits & 0x7fffffffu;
  if (aMagnitude == bMagnitude) {
    return 0;
  }
  return select(-1, 1, aMagnitude > bMagnitude);
}

fn fp64_make_residual_f32_bits(
  exactSign: u32,
  exactMagnitude: vec2u,
  exactBaseExponent: i32,
  highBits: u32
) -> u32 {
  if (fp64_u64_is_zero(exactMagnitude)) {
    return 0u;
  }

  let high = fp64_decode_f32_bits(highBits);
  if (high.isInf || high.isNan) {
    return exactSign << 31u;
  }
  if (high.isZero) {
    return fp64_make_f32_bits_from_u64(exactSign, exactMagnitude, exactBaseExponent);
  }

  let commonBaseExponent = min(exactBaseExponent, high.baseExponent);
  let exactShift = exactBaseExponent - commonBaseExponent;
  let highShift = high.baseExponent - commonBaseExponent;

  // A normal two-sum/two-product residual never needs a shift this large.
  // This guard gives deterministic underflow behavior outside that contract.
  if (exactShift >= 64 || highShift >= 64) {
    return exactSign << 31u;
  }

  let exactAligned = fp64_u64_shift_left(exactMagnitude, u32(exactShift));
  let highAligned = fp64_u64_shift_left(vec2u(0u, high.significand), u32(highShift));
  let comparison = fp64_u64_compare(exactAligned, highAligned);
  if (comparison == 0) {
    return 0u;
  }

  var residualSign = exactSign;
  var residualMagnitude: vec2u;
  if (comparison > 0) {
    residualMagnitude = fp64_u64_sub(exactAligned, highAligned);
  } else {
    residualSign = exactSign ^ 1u;
    residualMagnitude = fp64_u64_sub(highAligned, exactAligned);
  }
  return fp64_make_f32_bits_from_u64(
    residualSign,
    residualMagnitude,
    commonBaseExponent
  );
}

fn fp64_split_accumulator_bits(
  sign: u32,
  magnitude: vec2u,
  baseExponent: i32
) -> vec2u {
  let highBits = fp64_make_f32_bits_from_u64(sign, magnitude, baseExponent);
  let lowBits = fp64_make_residual_f32_bits(sign, magnitude, baseExponent, highBits);
  return vec2u(highBits, lowBits);
}

fn fp64_two_sum_integer_bits(aBits: u32, bBits: u32) -> vec2u {
  let a = fp64_decode_f32_bits(aBits);
  let b = fp64_decode_f32_bits(bBits);

  if (a.isNan || b.isNan) {
    return vec2u(0x7fc00000u, 0u);
  }
  if (a.isInf || b.isInf) {
    if (a.isInf && b.isInf && a.sign != b.sign) {
      return vec2u(0x7fc00000u, 0u);
    }
    return select(vec2u(bBits, 0u), vec2u(aBits, 0u), a.isInf);
  }
  if (a.isZero && b.isZero) {
    return vec2u((a.sign & b.sign) << 31u, 0u);
  }
  if (a.isZero) {
    return vec2u(bBits, 0u);
  }
  if (b.isZero) {
    return vec2u(aBits, 0u);
  }

  let exponentDifference = select(
    b.baseExponent - a.baseExponent,
    a.baseExponent - b.baseExponent,
    a.baseExponent >= b.baseExponent
  );

  // Beyond half an ulp, rounding cannot change the larger operand. Returning
  // the smaller operand intact also avoids an unbounded integer alignment.
  // At a power-of-two boundary the spacing below the larger operand is half
  // the spacing above it, so an opposite-sign gap-25 operand can still change
  // the rounded high limb. Gap 26 is the first universally safe early-out.
  if (exponentDifference > 25) {
    if (fp64_f32_magnitude_compare(aBits, bBits) >= 0) {
      return vec2u(aBits, bBits);
    }
    return vec2u(bBits, aBits);
  }

  let commonBaseExponent = min(a.baseExponent, b.baseExponent);
  let aMagnitude = fp64_u64_shift_left(
    vec2u(0u, a.significand),
    u32(a.baseExponent - commonBaseExponent)
  );
  let bMagnitude = fp64_u64_shift_left(
    vec2u(0u, b.significand),
    u32(b.baseExponent - commonBaseExponent)
  );

  var resultSign = a.sign;
  var resultMagnitude: vec2u;
  if (a.sign == b.sign) {
    resultMagnitude = fp64_u64_add(aMagnitude, bMagnitude);
  } else {
    let comparison = fp64_u64_compare(aMagnitude, bMagnitude);
    if (comparison == 0) {
      return vec2u(0u, 0u);
    }
    if (comparison > 0) {
      resultMagnitude = fp64_u64_sub(aMagnitude, bMagnitude);
    } else {
      resultSign = b.sign;
      resultMagnitude = fp64_u64_sub(bMagnitude, aMagnitude);
    }
  }

  return fp64_split_accumulator_bits(resultSign, resultMagnitude, commonBaseExponent);
}

fn fp64_two_sum_integer(a: f32, b: f32) -> vec2f {
  let resultBits = fp64_two_sum_integer_bits(bitcast<u32>(a), bitcast<u32>(b));
  return vec2f(bitcast<f32>(resultBits.x), bitcast<f32>(resultBits.y));
}

fn fp64_multiply_significands(a: u32, b: u32) -> vec2u {
  let aLow = a & 0xffffu;
  let aHigh = a >> 16u;
  let bLow = b & 0xffffu;
  let bHigh = b >> 16u;
  let lowProduct = aLow * bLow;
  let crossProduct = aLow * bHigh + aHigh * bLow;
  let highProduct = aHigh * bHigh;

  var result = vec2u(0u, lowProduct);
  result = fp64_u64_add(
    result,
    fp64_u64_shift_left(vec2u(0u, crossProduct), 16u)
  );
  result = fp64_u64_add(result, vec2u(highProduct, 0u));
  return result;
}

fn fp64_two_prod_integer_bits(aBits: u32, bBits: u32) -> vec2u {
  let a = fp64_decode_f32_bits(aBits);
  let b = fp64_decode_f32_bits(bBits);
  let resultSign = a.sign ^ b.sign;

  if (a.isNan || b.isNan || ((a.isZero || b.isZero) && (a.isInf || b.isInf))) {
    return vec2u(0x7fc00000u, 0u);
  }
  if (a.isInf || b.isInf) {
    return vec2u((resultSign << 31u) | 0x7f800000u, resultSign << 31u);
  }
  if (a.isZero || b.isZero) {
    return vec2u(resultSign << 31u, resultSign << 31u);
  }

  let magnitude = fp64_multiply_significands(a.significand, b.significand);
  return fp64_split_accumulator_bits(
    resultSign,
    magnitude,
    a.baseExponent + b.baseExponent
  );
}

fn fp64_two_prod_integer(a: f32, b: f32) -> vec2f {
  let resultBits = fp64_two_prod_integer_bits(bitcast<u32>(a), bitcast<u32>(b));
  return vec2f(bitcast<f32>(resultBits.x), bitcast<f32>(resultBits.y));
}

fn fp64_round_add_integer(a: f32, b: f32) -> f32 {
  return fp64_two_sum_integer(a, b).x;
}

fn fp64_round_mul_integer(a: f32, b: f32) -> f32 {
  return fp64_two_prod_integer(a, b).x;
}

#ifndef LUMA_FP64_PREDICATE_ONLY
fn fp64_f32_finite_exponent(value: Fp64F32Bits) -> i32 {
  let mostSignificantBit = 31u - countLeadingZeros(value.significand);
  return value.baseExponent + i32(mostSignificantBit);
}

fn fp64_scale_f32_integer(value: f32, exponent: i32) -> f32 {
  let decoded = fp64_decode_f32_bits(bitcast<u32>(value));
  if (decoded.isZero || decoded.isInf || decoded.isNan) {
    return value;
  }
  let resultBits = fp64_make_f32_bits_from_u64(
    decoded.sign,
    vec2u(0u, decoded.significand),
    decoded.baseExponent + exponent
  );
  return bitcast<f32>(resultBits);
}

// Divide normalized significands so the hardware operation cannot overflow,
// underflow, or flush a subnormal result. Reapply the exponent with integer
// packing, which also produces subnormal correction limbs without relying on
// floating-point arithmetic to preserve them.
fn fp64_divide_f32_integer(aValue: f32, bValue: f32) -> f32 {
  let a = fp64_decode_f32_bits(bitcast<u32>(aValue));
  let b = fp64_decode_f32_bits(bitcast<u32>(bValue));
  if (a.isZero || b.isZero || a.isInf || b.isInf || a.isNan || b.isNan) {
    return aValue / bValue;
  }

  let aMostSignificantBit = 31u - countLeadingZeros(a.significand);
  let bMostSignificantBit = 31u - countLeadingZeros(b.significand);
  let normalizedABits = fp64_make_f32_bits_from_u64(
    a.sign,
    vec2u(0u, a.significand),
    -i32(aMostSignificantBit)
  );
  let normalizedBBits = fp64_make_f32_bits_from_u64(
    b.sign,
    vec2u(0u, b.significand),
    -i32(bMostSignificantBit)
  );
  let normalizedQuotient = bitcast<f32>(normalizedABits) / bitcast<f32>(normalizedBBits);
  let quotient = fp64_decode_f32_bits(bitcast<u32>(normalizedQuotient));
  let exponentShift =
    a.baseExponent + i32(aMostSignificantBit) -
    b.baseExponent - i32(bMostSignificantBit);
  let quotientBits = fp64_make_f32_bits_from_u64(
    quotient.sign,
    vec2u(0u, quotient.significand),
    quotient.baseExponent + exponentShift
  );
  return bitcast<f32>(quotientBits);
}
#endif

#ifndef LUMA_FP64_PREDICATE_ONLY
fn split(a: f32) -> vec2f {
  let aBits = bitcast<u32>(a);
  let decoded = fp64_decode_f32_bits(aBits);
  if (decoded.isZero || decoded.isInf || decoded.isNan) {
    return vec2f(a, 0.0);
  }

  var roundedHigh = decoded.significand >> 12u;
  let remainder = decoded.significand & 0xfffu;
  if (remainder > 0x800u || (remainder == 0x800u && (roundedHigh & 1u) == 1u)) {
    roundedHigh = roundedHigh + 1u;
  }
  var highMagnitude = vec2u(0u, roundedHigh << 12u);
  var highBits = fp64_make_f32_bits_from_u64(
    decoded.sign,
    highMagnitude,
    decoded.baseExponent
  );
  // Rounding the high limb of a maximum-exponent value can overflow even
  // though the original value is finite. Truncate only in that boundary case
  // so split remains an exact finite decomposition.
  if (fp64_decode_f32_bits(highBits).isInf) {
    roundedHigh = decoded.significand >> 12u;
    highMagnitude = vec2u(0u, roundedHigh << 12u);
    highBits = fp64_make_f32_bits_from_u64(
      decoded.sign,
      highMagnitude,
      decoded.baseExponent
    );
  }
  let lowBits = fp64_make_residual_f32_bits(
    decoded.sign,
    vec2u(0u, decoded.significand),
    decoded.baseExponent,
    highBits
  );
  return vec2f(bitcast<f32>(highBits), bitcast<f32>(lowBits));
}

fn split2(a: vec2f) -> vec2f {
  var result = split(a.x);
  result.y = fp64_round_add_integer(result.y, a.y);
  return result;
}
#endif

#ifndef LUMA_FP64_PREDICATE_ONLY
fn quickTwoSum(a: f32, b: f32) -> vec2f {
  return fp64_two_sum_integer(a, b);
}
#endif

fn twoSum(a: f32, b: f32) -> vec2f {
  return fp64_two_sum_integer(a, b);
}

fn twoSub(a: f32, b: f32) -> vec2f {
  let bBits = bitcast<u32>(b) ^ 0x80000000u;
  let resultBits = fp64_two_sum_integer_bits(bitcast<u32>(a), bBits);
  return vec2f(bitcast<f32>(resultBits.x), bitcast<f32>(resultBits.y));
}

#ifndef LUMA_FP64_PREDICATE_ONLY
fn twoSqr(a: f32) -> vec2f {
  return fp64_two_prod_integer(a, a);
}

fn twoProd(a: f32, b: f32) -> vec2f {
  return fp64_two_prod_integer(a, b);
}
#endif

fn sum_fp64(a: vec2f, b: vec2f) -> vec2f {
  var sum = fp64_two_sum_integer(a.x, b.x);
  let lowSum = fp64_two_sum_integer(a.y, b.y);
  sum.y = fp64_round_add_integer(sum.y, lowSum.x);
  sum = fp64_two_sum_integer(sum.x, sum.y);
  sum.y = fp64_round_add_integer(sum.y, lowSum.y);
  return fp64_two_sum_integer(sum.x, sum.y);
}

fn sub_fp64(a: vec2f, b: vec2f) -> vec2f {
  let negatedB = vec2f(
    bitcast<f32>(bitcast<u32>(b.x) ^ 0x80000000u),
    bitcast<f32>(bitcast<u32>(b.y) ^ 0x80000000u)
  );
  return sum_fp64(a, negatedB);
}

fn mul_fp64(a: vec2f, b: vec2f) -> vec2f {
  var product = fp64_two_prod_integer(a.x, b.x);
  let crossProduct1 = fp64_round_mul_integer(a.x, b.y);
  product.y = fp64_round_add_integer(product.y, crossProduct1);
  product = fp64_two_sum_integer(product.x, product.y);
  let crossProduct2 = fp64_round_mul_integer(a.y, b.x);
  product.y = fp64_round_add_integer(product.y, crossProduct2);
  return fp64_two_sum_integer(product.x, product.y);
}

#ifndef LUMA_FP64_PREDICATE_ONLY
fn fp64_scale_fp64_integer(value: vec2f, exponent: i32) -> vec2f {
  let high = fp64_scale_f32_integer(value.x, exponent);
  let low = fp64_scale_f32_integer(value.y, exponent);
  return sum_fp64(vec2f(high, 0.0), vec2f(low, 0.0));
}

fn fp64_div_fp64_normalized(a: vec2f, b: vec2f) -> vec2f {
  let quotientHigh = fp64_divide_f32_integer(a.x, b.x);
  var quotient = vec2f(quotientHigh, 0.0);

  let remainder = sub_fp64(a, mul_fp64(b, quotient));
  let quotientLow = fp64_divide_f32_integer(remainder.x, b.x);
  quotient = sum_fp64(quotient, vec2f(quotientLow, 0.0));

  let secondRemainder = sub_fp64(a, mul_fp64(b, quotient));
  let correction = fp64_divide_f32_integer(secondRemainder.x, b.x);
  return sum_fp64(quotient, vec2f(correction, 0.0));
}

fn div_fp64(a: vec2f, b: vec2f) -> vec2f {
  let decodedA = fp64_decode_f32_bits(bitcast<u32>(a.x));
  let decodedB = fp64_decode_f32_bits(bitcast<u32>(b.x));
  if (
    decodedA.isZero || decodedB.isZero ||
    decodedA.isInf || decodedB.isInf ||
    decodedA.isNan || decodedB.isNan
  ) {
    return fp64_div_fp64_normalized(a, b);
  }

  let exponentA = fp64_f32_finite_exponent(decodedA);
  let exponentB = fp64_f32_finite_exponent(decodedB);
  // Correct the quotient near unity so b * q and the remainder stay clear of
  // both f32 underflow and overflow. The exponent difference is applied once.
  let normalizedA = fp64_scale_fp64_integer(a, -exponentA);
  let normalizedB = fp64_scale_fp64_integer(b, -exponentB);
  let normalizedQuotient = fp64_div_fp64_normalized(normalizedA, normalizedB);
  return fp64_scale_fp64_integer(normalizedQuotient, exponentA - exponentB);
}

fn fp64_sqrt_fp64_normalized(a: vec2f) -> vec2f {
  let estimate = sqrt(a.x);
  let difference = sub_fp64(a, fp64_two_prod_integer(estimate, estimate)).x;
  let denominator = fp64_round_add_integer(estimate, estimate);
  let correction = fp64_divide_f32_integer(difference, denominator);
  return sum_fp64(vec2f(estimate, 0.0), vec2f(correction, 0.0));
}

fn sqrt_fp64(a: vec2f) -> vec2f {
  let decoded = fp64_decode_f32_bits(bitcast<u32>(a.x));
  let decodedLow = fp64_decode_f32_bits(bitcast<u32>(a.y));
  if (decoded.isZero && decodedLow.isZero) {
    return vec2f(0.0, 0.0);
  }
  if (decoded.sign == 1u) {
    let nanValue = fp64_nan(a.x);
    return vec2f(nanValue, nanValue);
  }

  if (decoded.isInf || decoded.isNan) {
    return fp64_sqrt_fp64_normalized(a);
  }
  let exponent = fp64_f32_finite_exponent(decoded);
  // An even scale lets the final square-root rescale use an integer exponent.
  let evenExponent = exponent - (exponent & 1);
  let normalizedA = fp64_scale_fp64_integer(a, -evenExponent);
  let normalizedRoot = fp64_sqrt_fp64_normalized(normalizedA);
  return fp64_scale_fp64_integer(normalizedRoot, evenExponent / 2);
}
#endif
`;var ti=`struct Fp64ArithmeticUniforms {
  ONE: f32,
  SPLIT: f32,
};

@group(0) @binding(auto) var<uniform> fp64arithmetic : Fp64ArithmeticUniforms;

#ifndef LUMA_FP64_F32_INPUT_ONLY
struct Fp64Bits {
  sign: u32,
  exponent: i32,
  significand: vec2u,
  isZero: bool,
  isInf: bool,
  isNan: bool,
};
#endif

#ifndef LUMA_FP64_PREDICATE_ONLY
fn fp64_nan(seed: f32) -> f32 {
  let nanBits = 0x7fc00000u | select(0u, 1u, seed < 0.0);
  return bitcast<f32>(nanBits);
}
#endif

fn fp64_u64_is_zero(value: vec2u) -> bool {
  return value.x == 0u && value.y == 0u;
}

fn fp64_u64_compare(a: vec2u, b: vec2u) -> i32 {
  if (a.x != b.x) {
    return select(-1, 1, a.x > b.x);
  }
  if (a.y != b.y) {
    return select(-1, 1, a.y > b.y);
  }
  return 0;
}

fn fp64_u64_add(a: vec2u, b: vec2u) -> vec2u {
  let low = a.y + b.y;
  let carry = select(0u, 1u, low < a.y);
  return vec2u(a.x + b.x + carry, low);
}

fn fp64_u64_sub(a: vec2u, b: vec2u) -> vec2u {
  let borrow = select(0u, 1u, a.y < b.y);
  return vec2u(a.x - b.x - borrow, a.y - b.y);
}

fn fp64_u64_shift_left(value: vec2u, shift: u32) -> vec2u {
  if (shift == 0u) {
    return value;
  }
  if (shift < 32u) {
    return vec2u((value.x << shift) | (value.y >> (32u - shift)), value.y << shift);
  }
  if (shift == 32u) {
    return vec2u(value.y, 0u);
  }
  if (shift < 64u) {
    return vec2u(value.y << (shift - 32u), 0u);
  }
  return vec2u(0u);
}

fn fp64_u64_shift_right(value: vec2u, shift: u32) -> vec2u {
  if (shift == 0u) {
    return value;
  }
  if (shift < 32u) {
    return vec2u(value.x >> shift, (value.y >> shift) | (value.x << (32u - shift)));
  }
  if (shift == 32u) {
    return vec2u(0u, value.x);
  }
  if (shift < 64u) {
    return vec2u(0u, value.x >> (shift - 32u));
  }
  return vec2u(0u);
}

fn fp64_u64_get_bit(value: vec2u, bitIndex: u32) -> bool {
  if (bitIndex >= 64u) {
    return false;
  }
  if (bitIndex >= 32u) {
    return ((value.x >> (bitIndex - 32u)) & 1u) != 0u;
  }
  return ((value.y >> bitIndex) & 1u) != 0u;
}

fn fp64_u64_has_bits_below(value: vec2u, bitCount: u32) -> bool {
  if (bitCount == 0u) {
    return false;
  }
  if (bitCount >= 64u) {
    return !fp64_u64_is_zero(value);
  }
  if (bitCount > 32u) {
    let highBitCount = bitCount - 32u;
    let highMask = (1u << highBitCount) - 1u;
    return value.y != 0u || (value.x & highMask) != 0u;
  }
  if (bitCount == 32u) {
    return value.y != 0u;
  }
  let lowMask = (1u << bitCount) - 1u;
  return (value.y & lowMask) != 0u;
}

#ifndef LUMA_FP64_F32_INPUT_ONLY
fn fp64_u64_shift_right_sticky(value: vec2u, shift: u32) -> vec2u {
  var shifted = fp64_u64_shift_right(value, shift);
  if (fp64_u64_has_bits_below(value, shift)) {
    shifted.y = shifted.y | 1u;
  }
  return shifted;
}
#endif

fn fp64_u64_count_leading_zeros(value: vec2u) -> u32 {
  if (value.x != 0u) {
    return countLeadingZeros(value.x);
  }
  return 32u + countLeadingZeros(value.y);
}

fn fp64_round_shift_right_to_u32(value: vec2u, shift: u32) -> u32 {
  if (shift == 0u) {
    return value.y;
  }

  let truncated = fp64_u64_shift_right(value, shift);
  var rounded = truncated.y;
  let guard = fp64_u64_get_bit(value, shift - 1u);
  let hasTrailingBits = fp64_u64_has_bits_below(value, shift - 1u);
  if (guard && (hasTrailingBits || (rounded & 1u) == 1u)) {
    rounded = rounded + 1u;
  }
  return rounded;
}

#ifndef LUMA_FP64_F32_INPUT_ONLY
fn fp64_round_shift_right(value: vec2u, shift: u32) -> vec2u {
  if (shift == 0u) {
    return value;
  }

  var rounded = fp64_u64_shift_right(value, shift);
  let guard = fp64_u64_get_bit(value, shift - 1u);
  let hasTrailingBits = fp64_u64_has_bits_below(value, shift - 1u);
  if (guard && (hasTrailingBits || (rounded.y & 1u) == 1u)) {
    rounded = fp64_u64_add(rounded, vec2u(0u, 1u));
  }
  return rounded;
}
#endif

fn fp64_make_f32_bits_from_u64(sign: u32, significand: vec2u, baseExponent: i32) -> u32 {
  if (fp64_u64_is_zero(significand)) {
    return sign << 31u;
  }

  let leadingZeros = fp64_u64_count_leading_zeros(significand);
  let mostSignificantBit = 63u - leadingZeros;
  var exponent = baseExponent + i32(mostSignificantBit);

  if (exponent > 127) {
    return (sign << 31u) | 0x7f800000u;
  }

  if (exponent >= -126) {
    let shift = i32(mostSignificantBit) - 23;
    var significand24: u32;
    if (shift > 0) {
      significand24 = fp64_round_shift_right_to_u32(significand, u32(shift));
    } else {
      significand24 = fp64_u64_shift_left(significand, u32(-shift)).y;
    }

    if (significand24 >= 0x1000000u) {
      significand24 = significand24 >> 1u;
      exponent = exponent + 1;
      if (exponent > 127) {
        return (sign << 31u) | 0x7f800000u;
      }
    }

    return (sign << 31u) | (u32(exponent + 127) << 23u) | (significand24 & 0x7fffffu);
  }

  let scaleExponent = baseExponent + 149;
  var mantissa: u32;
  if (scaleExponent >= 0) {
    mantissa = fp64_u64_shift_left(significand, u32(scaleExponent)).y;
  } else {
    mantissa = fp64_round_shift_right_to_u32(significand, u32(-scaleExponent));
  }

  if (mantissa >= 0x800000u) {
    return (sign << 31u) | 0x00800000u;
  }
  return (sign << 31u) | mantissa;
}

#ifndef LUMA_FP64_F32_INPUT_ONLY
fn fp64_decode_bits(bits: vec2u) -> Fp64Bits {
  let sign = bits.x >> 31u;
  let exponentBits = (bits.x >> 20u) & 0x7ffu;
  let fractionHigh = bits.x & 0xfffffu;
  let fractionLow = bits.y;
  let fraction = vec2u(fractionHigh, fractionLow);

  if (exponentBits == 0x7ffu) {
    let isInf = fp64_u64_is_zero(fraction);
    return Fp64Bits(sign, 0, vec2u(0u), false, isInf, !isInf);
  }

  if (exponentBits == 0u) {
    let isZero = fp64_u64_is_zero(fraction);
    return Fp64Bits(sign, -1022, fraction, isZero, false, false);
  }

  return Fp64Bits(sign, i32(exponentBits) - 1023, vec2u((1u << 20u) | fractionHigh, fractionLow), false, false, false);
}

fn fp64_finite_magnitude_compare(a: Fp64Bits, b: Fp64Bits) -> i32 {
  if (a.exponent != b.exponent) {
    return select(-1, 1, a.exponent > b.exponent);
  }
  return fp64_u64_compare(a.significand, b.significand);
}
#endif

#ifndef LUMA_FP64_F32_INPUT_ONLY
struct Fp64RawF32Bits {
  sign: u32,
  baseExponent: i32,
  significand: u32,
  isZero: bool,
  isInf: bool,
  isNan: bool,
};

// Decode an f32 as (-1)^sign * significand * 2^baseExponent. This shared
// integer representation lets normalization remain independent of the
// selected double-single arithmetic implementation.
fn fp64_decode_raw_f32_bits(bits: u32) -> Fp64RawF32Bits {
  let sign = bits >> 31u;
  let exponentBits = (bits >> 23u) & 0xffu;
  let fraction = bits & 0x7fffffu;

  if (exponentBits == 0xffu) {
    return Fp64RawF32Bits(sign, 0, 0u, false, fraction == 0u, fraction != 0u);
  }
  if (exponentBits == 0u) {
    return Fp64RawF32Bits(sign, -149, fraction, fraction == 0u, false, false);
  }
  return Fp64RawF32Bits(
    sign,
    i32(exponentBits) - 150,
    0x800000u | fraction,
    false,
    false,
    false
  );
}

fn fp64_raw_f32_magnitude_compare(aBits: u32, bBits: u32) -> i32 {
  let aMagnitude = aBits & 0x7fffffffu;
  let bMagnitude = bBits & 0x7fffffffu;
  if (aMagnitude == bMagnitude) {
    return 0;
  }
  return select(-1, 1, aMagnitude > bMagnitude);
}

fn fp64_make_raw_residual_f32_bits(
  exactSign: u32,
  exactMagnitude: vec2u,
  exactBaseExponent: i32,
  highBits: u32
) -> u32 {
  if (fp64_u64_is_zero(exactMagnitude)) {
    return 0u;
  }

  let high = fp64_decode_raw_f32_bits(highBits);
  if (high.isInf || high.isNan) {
    return 0u;
  }
  if (high.isZero) {
    return fp64_make_f32_bits_from_u64(exactSign, exactMagnitude, exactBaseExponent);
  }

  let commonBaseExponent = min(exactBaseExponent, high.baseExponent);
  let exactShift = exactBaseExponent - commonBaseExponent;
  let highShift = high.baseExponent - commonBaseExponent;
  if (exactShift >= 64 || highShift >= 64) {
    return 0u;
  }

  let exactAligned = fp64_u64_shift_left(exactMagnitude, u32(exactShift));
  let highAligned = fp64_u64_shift_left(vec2u(0u, high.significand), u32(highShift));
  let comparison = fp64_u64_compare(exactAligned, highAligned);
  if (comparison == 0) {
    return 0u;
  }

  var residualSign = exactSign;
  var residualMagnitude: vec2u;
  if (comparison > 0) {
    residualMagnitude = fp64_u64_sub(exactAligned, highAligned);
  } else {
    residualSign = exactSign ^ 1u;
    residualMagnitude = fp64_u64_sub(highAligned, exactAligned);
  }
  return fp64_make_f32_bits_from_u64(
    residualSign,
    residualMagnitude,
    commonBaseExponent
  );
}

fn fp64_split_raw_accumulator_bits(
  sign: u32,
  magnitude: vec2u,
  baseExponent: i32
) -> vec2u {
  if (fp64_u64_is_zero(magnitude)) {
    return vec2u(0u);
  }
  let highBits = fp64_make_f32_bits_from_u64(sign, magnitude, baseExponent);
  let rawLowBits = fp64_make_raw_residual_f32_bits(sign, magnitude, baseExponent, highBits);
  let lowBits = select(rawLowBits, 0u, (rawLowBits & 0x7fffffffu) == 0u);
  if ((highBits & 0x7fffffffu) == 0u && (lowBits & 0x7fffffffu) == 0u) {
    return vec2u(0u);
  }
  return vec2u(highBits, lowBits);
}
#endif

#ifndef LUMA_FP64_F32_INPUT_ONLY
// Round an arithmetic accumulator to binary64 before splitting it. The
// aligned add/subtract paths retain three guard bits plus a sticky bit, which
// is sufficient for round-to-nearest-even at the binary64 boundary.
fn fp64_split_binary64_accumulator_bits(
  sign: u32,
  magnitude: vec2u,
  baseExponent: i32
) -> vec2u {
  if (fp64_u64_is_zero(magnitude)) {
    return vec2u(0u);
  }

  let mostSignificantBit = 63u - fp64_u64_count_leading_zeros(magnitude);
  let exponent = baseExponent + i32(mostSignificantBit);
  if (exponent > 1023) {
    return vec2u((sign << 31u) | 0x7f800000u, 0u);
  }

  var roundedMagnitude = magnitude;
  var roundedBaseExponent = baseExponent;
  if (exponent >= -1022) {
    if (mostSignificantBit > 52u) {
      let shift = mostSignificantBit - 52u;
      roundedMagnitude = fp64_round_shift_right(magnitude, shift);
      roundedBaseExponent = baseExponent + i32(shift);
    }
  } else {
    let shift = -1074 - baseExponent;
    if (shift > 0) {
      roundedMagnitude = fp64_round_shift_right(magnitude, u32(shift));
      roundedBaseExponent = -1074;
    }
  }

  if (fp64_u64_is_zero(roundedMagnitude)) {
    return vec2u(0u);
  }
  return fp64_split_raw_accumulator_bits(sign, roundedMagnitude, roundedBaseExponent);
}
#endif

#ifndef LUMA_FP64_PREDICATE_ONLY
fn fp64_add_raw_f32_bits(aBits: u32, bBits: u32) -> vec2u {
  let a = fp64_decode_raw_f32_bits(aBits);
  let b = fp64_decode_raw_f32_bits(bBits);

  if (a.isNan || b.isNan) {
    return vec2u(0x7fc00000u, 0u);
  }
  if (a.isInf || b.isInf) {
    if (a.isInf && b.isInf && a.sign != b.sign) {
      return vec2u(0x7fc00000u, 0u);
    }
    return select(vec2u(bBits, 0u), vec2u(aBits, 0u), a.isInf);
  }
  if (a.isZero && b.isZero) {
    return vec2u(0u);
  }
  if (a.isZero) {
    return vec2u(bBits, 0u);
  }
  if (b.isZero) {
    return vec2u(aBits, 0u);
  }

  let exponentDifference = abs(a.baseExponent - b.baseExponent);
  if (exponentDifference > 25) {
    if (fp64_raw_f32_magnitude_compare(aBits, bBits) >= 0) {
      return vec2u(aBits, bBits);
    }
    return vec2u(bBits, aBits);
  }

  let commonBaseExponent = min(a.baseExponent, b.baseExponent);
  let aMagnitude = fp64_u64_shift_left(
    vec2u(0u, a.significand),
    u32(a.baseExponent - commonBaseExponent)
  );
  let bMagnitude = fp64_u64_shift_left(
    vec2u(0u, b.significand),
    u32(b.baseExponent - commonBaseExponent)
  );

  var resultSign = a.sign;
  var resultMagnitude: vec2u;
  if (a.sign == b.sign) {
    resultMagnitude = fp64_u64_add(aMagnitude, bMagnitude);
  } else {
    let comparison = fp64_u64_compare(aMagnitude, bMagnitude);
    if (comparison == 0) {
      return vec2u(0u);
    }
    if (comparison > 0) {
      resultMagnitude = fp64_u64_sub(aMagnitude, bMagnitude);
    } else {
      resultSign = b.sign;
      resultMagnitude = fp64_u64_sub(bMagnitude, aMagnitude);
    }
  }

  return fp64_split_raw_accumulator_bits(
    resultSign,
    resultMagnitude,
    commonBaseExponent
  );
}
#endif

#ifndef LUMA_FP64_F32_INPUT_ONLY
fn fp64_add_aligned_magnitudes_to_fp64_bits(
  sign: u32,
  larger: Fp64Bits,
  smaller: Fp64Bits
) -> vec2u {
  let largeSignificand = fp64_u64_shift_left(larger.significand, 3u);
  let smallSignificand = fp64_u64_shift_right_sticky(
    fp64_u64_shift_left(smaller.significand, 3u),
    u32(larger.exponent - smaller.exponent)
  );
  let resultSignificand = fp64_u64_add(largeSignificand, smallSignificand);
  return fp64_split_binary64_accumulator_bits(
    sign,
    resultSignificand,
    larger.exponent - 55
  );
}

fn fp64_sub_aligned_magnitudes_to_fp64_bits(
  sign: u32,
  larger: Fp64Bits,
  smaller: Fp64Bits
) -> vec2u {
  let largeSignificand = fp64_u64_shift_left(larger.significand, 3u);
  let smallSignificand = fp64_u64_shift_right_sticky(
    fp64_u64_shift_left(smaller.significand, 3u),
    u32(larger.exponent - smaller.exponent)
  );
  let resultSignificand = fp64_u64_sub(largeSignificand, smallSignificand);
  return fp64_split_binary64_accumulator_bits(
    sign,
    resultSignificand,
    larger.exponent - 55
  );
}

fn fp64_add_aligned_magnitudes_to_f32_bits(sign: u32, larger: Fp64Bits, smaller: Fp64Bits) -> u32 {
  let largeSignificand = fp64_u64_shift_left(larger.significand, 3u);
  let smallSignificand = fp64_u64_shift_right_sticky(
    fp64_u64_shift_left(smaller.significand, 3u),
    u32(larger.exponent - smaller.exponent)
  );
  let resultSignificand = fp64_u64_add(largeSignificand, smallSignificand);
  return fp64_make_f32_bits_from_u64(sign, resultSignificand, larger.exponent - 55);
}

fn fp64_sub_aligned_magnitudes_to_f32_bits(sign: u32, larger: Fp64Bits, smaller: Fp64Bits) -> u32 {
  let largeSignificand = fp64_u64_shift_left(larger.significand, 3u);
  let smallSignificand = fp64_u64_shift_right_sticky(
    fp64_u64_shift_left(smaller.significand, 3u),
    u32(larger.exponent - smaller.exponent)
  );
  let resultSignificand = fp64_u64_sub(largeSignificand, smallSignificand);
  return fp64_make_f32_bits_from_u64(sign, resultSignificand, larger.exponent - 55);
}

// Subtract two raw binary64 values and round the exact result once to f32.
// The input words are canonical high/low words: .x contains sign/exponent/high
// fraction bits, and .y contains the low 32 fraction bits.
fn sub_fp64u32_to_f32_bits(aBits: vec2u, bBits: vec2u) -> u32 {
  let a = fp64_decode_bits(aBits);
  let b = fp64_decode_bits(bBits);
  let bSubtractionSign = b.sign ^ 1u;

  if (a.isNan || b.isNan) {
    return 0x7fc00000u;
  }
  if (a.isInf && b.isInf) {
    if (a.sign == bSubtractionSign) {
      return (a.sign << 31u) | 0x7f800000u;
    }
    return 0x7fc00000u;
  }
  if (a.isInf) {
    return (a.sign << 31u) | 0x7f800000u;
  }
  if (b.isInf) {
    return (bSubtractionSign << 31u) | 0x7f800000u;
  }
  if (a.isZero && b.isZero) {
    return select(0u, 0x80000000u, a.sign == 1u && b.sign == 0u);
  }

  let magnitudeComparison = fp64_finite_magnitude_compare(a, b);
  if (a.sign == bSubtractionSign) {
    if (magnitudeComparison >= 0) {
      return fp64_add_aligned_magnitudes_to_f32_bits(a.sign, a, b);
    }
    return fp64_add_aligned_magnitudes_to_f32_bits(a.sign, b, a);
  }

  if (magnitudeComparison == 0) {
    return 0u;
  }
  if (magnitudeComparison > 0) {
    return fp64_sub_aligned_magnitudes_to_f32_bits(a.sign, a, b);
  }
  return fp64_sub_aligned_magnitudes_to_f32_bits(bSubtractionSign, b, a);
}

fn sub_fp64u32_to_f32(aBits: vec2u, bBits: vec2u) -> f32 {
  return bitcast<f32>(sub_fp64u32_to_f32_bits(aBits, bBits));
}

// Subtract two raw binary64 values, round once to binary64, then split the
// result into normalized f32 limbs. Finite results must fit within the f32
// exponent range; larger magnitudes map to infinity and smaller magnitudes
// map to zero. The input words use canonical high/low word order.
fn sub_fp64u32_to_fp64_bits(aBits: vec2u, bBits: vec2u) -> vec2u {
  let a = fp64_decode_bits(aBits);
  let b = fp64_decode_bits(bBits);
  let bSubtractionSign = b.sign ^ 1u;

  if (a.isNan || b.isNan) {
    return vec2u(0x7fc00000u, 0u);
  }
  if (a.isInf && b.isInf) {
    if (a.sign == bSubtractionSign) {
      return vec2u((a.sign << 31u) | 0x7f800000u, 0u);
    }
    return vec2u(0x7fc00000u, 0u);
  }
  if (a.isInf) {
    return vec2u((a.sign << 31u) | 0x7f800000u, 0u);
  }
  if (b.isInf) {
    return vec2u((bSubtractionSign << 31u) | 0x7f800000u, 0u);
  }
  if (a.isZero && b.isZero) {
    return vec2u(0u);
  }

  let magnitudeComparison = fp64_finite_magnitude_compare(a, b);
  if (a.sign == bSubtractionSign) {
    if (magnitudeComparison >= 0) {
      return fp64_add_aligned_magnitudes_to_fp64_bits(a.sign, a, b);
    }
    return fp64_add_aligned_magnitudes_to_fp64_bits(a.sign, b, a);
  }

  if (magnitudeComparison == 0) {
    return vec2u(0u);
  }
  if (magnitudeComparison > 0) {
    return fp64_sub_aligned_magnitudes_to_fp64_bits(a.sign, a, b);
  }
  return fp64_sub_aligned_magnitudes_to_fp64_bits(bSubtractionSign, b, a);
}

fn sub_fp64u32_to_fp64(aBits: vec2u, bBits: vec2u) -> vec2f {
  let resultBits = sub_fp64u32_to_fp64_bits(aBits, bBits);
  return vec2f(bitcast<f32>(resultBits.x), bitcast<f32>(resultBits.y));
}
#endif

#ifndef LUMA_FP64_PREDICATE_ONLY
fn fp64_runtime_zero() -> f32 {
  return fp64arithmetic.ONE * 0.0;
}

fn prevent_fp64_optimization(value: f32) -> f32 {
#ifdef LUMA_FP64_CODE_ELIMINATION_WORKAROUND
  return value + fp64_runtime_zero();
#else
  return value;
#endif
}
#endif

#ifdef LUMA_FP64_INTEGER_ARITHMETIC
${ei}
#else
fn split(a: f32) -> vec2f {
  let splitValue = prevent_fp64_optimization(fp64arithmetic.SPLIT + fp64_runtime_zero());
  let t = prevent_fp64_optimization(a * splitValue);
  let temp = prevent_fp64_optimization(t - a);
  let aHi = prevent_fp64_optimization(t - temp);
  let aLo = prevent_fp64_optimization(a - aHi);
  return vec2f(aHi, aLo);
}

fn split2(a: vec2f) -> vec2f {
  var b = split(a.x);
  b.y = b.y + a.y;
  return b;
}

fn quickTwoSum(a: f32, b: f32) -> vec2f {
#ifdef LUMA_FP64_CODE_ELIMINATION_WORKAROUND
  let sum = prevent_fp64_optimization((a + b) * fp64arithmetic.ONE);
  let err = prevent_fp64_optimization(b - (sum - a) * fp64arithmetic.ONE);
#else
  let sum = prevent_fp64_optimization(a + b);
  let err = prevent_fp64_optimization(b - (sum - a));
#endif
  return vec2f(sum, err);
}

fn twoSum(a: f32, b: f32) -> vec2f {
  let s = prevent_fp64_optimization(a + b);
#ifdef LUMA_FP64_CODE_ELIMINATION_WORKAROUND
  let v = prevent_fp64_optimization((s * fp64arithmetic.ONE - a) * fp64arithmetic.ONE);
  let err =
    prevent_fp64_optimization((a - (s - v) * fp64arithmetic.ONE) *
      fp64arithmetic.ONE *
      fp64arithmetic.ONE *
      fp64arithmetic.ONE) +
    prevent_fp64_optimization(b - v);
#else
  let v = prevent_fp64_optimization(s - a);
  let err = prevent_fp64_optimization(a - (s - v)) + prevent_fp64_optimization(b - v);
#endif
  return vec2f(s, err);
}

fn twoSub(a: f32, b: f32) -> vec2f {
  let s = prevent_fp64_optimization(a - b);
#ifdef LUMA_FP64_CODE_ELIMINATION_WORKAROUND
  let v = prevent_fp64_optimization((s * fp64arithmetic.ONE - a) * fp64arithmetic.ONE);
  let err =
    prevent_fp64_optimization((a - (s - v) * fp64arithmetic.ONE) *
      fp64arithmetic.ONE *
      fp64arithmetic.ONE *
      fp64arithmetic.ONE) -
    prevent_fp64_optimization(b + v);
#else
  let v = prevent_fp64_optimization(s - a);
  let err = prevent_fp64_optimization(a - (s - v)) - prevent_fp64_optimization(b + v);
#endif
  return vec2f(s, err);
}

fn twoSqr(a: f32) -> vec2f {
  let prod = prevent_fp64_optimization(a * a);
  let aFp64 = split(a);
  let highProduct = prevent_fp64_optimization(aFp64.x * aFp64.x);
  let crossProduct = prevent_fp64_optimization(2.0 * aFp64.x * aFp64.y);
  let lowProduct = prevent_fp64_optimization(aFp64.y * aFp64.y);
#ifdef LUMA_FP64_CODE_ELIMINATION_WORKAROUND
  let err =
    (prevent_fp64_optimization(highProduct - prod) * fp64arithmetic.ONE +
      crossProduct * fp64arithmetic.ONE * fp64arithmetic.ONE) +
    lowProduct * fp64arithmetic.ONE * fp64arithmetic.ONE * fp64arithmetic.ONE;
#else
  let err = ((prevent_fp64_optimization(highProduct - prod) + crossProduct) + lowProduct);
#endif
  return vec2f(prod, err);
}

fn twoProd(a: f32, b: f32) -> vec2f {
  let prod = prevent_fp64_optimization(a * b);
  let aFp64 = split(a);
  let bFp64 = split(b);
  let highProduct = prevent_fp64_optimization(aFp64.x * bFp64.x);
  let crossProduct1 = prevent_fp64_optimization(aFp64.x * bFp64.y);
  let crossProduct2 = prevent_fp64_optimization(aFp64.y * bFp64.x);
  let lowProduct = prevent_fp64_optimization(aFp64.y * bFp64.y);
#ifdef LUMA_FP64_CODE_ELIMINATION_WORKAROUND
  let err1 = (highProduct - prod) * fp64arithmetic.ONE;
  let err2 = crossProduct1 * fp64arithmetic.ONE * fp64arithmetic.ONE;
  let err3 = crossProduct2 * fp64arithmetic.ONE * fp64arithmetic.ONE * fp64arithmetic.ONE;
  let err4 =
    lowProduct *
    fp64arithmetic.ONE *
    fp64arithmetic.ONE *
    fp64arithmetic.ONE *
    fp64arithmetic.ONE;
#else
  let err1 = highProduct - prod;
  let err2 = crossProduct1;
  let err3 = crossProduct2;
  let err4 = lowProduct;
#endif
  let err12InputA = prevent_fp64_optimization(err1);
  let err12InputB = prevent_fp64_optimization(err2);
  let err12 = prevent_fp64_optimization(err12InputA + err12InputB);
  let err123InputA = prevent_fp64_optimization(err12);
  let err123InputB = prevent_fp64_optimization(err3);
  let err123 = prevent_fp64_optimization(err123InputA + err123InputB);
  let err1234InputA = prevent_fp64_optimization(err123);
  let err1234InputB = prevent_fp64_optimization(err4);
  let err = prevent_fp64_optimization(err1234InputA + err1234InputB);
  return vec2f(prod, err);
}

fn sum_fp64(a: vec2f, b: vec2f) -> vec2f {
  var s = twoSum(a.x, b.x);
  let t = twoSum(a.y, b.y);
  s.y = prevent_fp64_optimization(s.y + t.x);
  s = quickTwoSum(s.x, s.y);
  s.y = prevent_fp64_optimization(s.y + t.y);
  s = quickTwoSum(s.x, s.y);
  return s;
}

fn sub_fp64(a: vec2f, b: vec2f) -> vec2f {
  var s = twoSub(a.x, b.x);
  let t = twoSub(a.y, b.y);
  s.y = prevent_fp64_optimization(s.y + t.x);
  s = quickTwoSum(s.x, s.y);
  s.y = prevent_fp64_optimization(s.y + t.y);
  s = quickTwoSum(s.x, s.y);
  return s;
}

fn mul_fp64(a: vec2f, b: vec2f) -> vec2f {
  var prod = twoProd(a.x, b.x);
  let crossProduct1 = prevent_fp64_optimization(a.x * b.y);
  prod.y = prevent_fp64_optimization(prod.y + crossProduct1);
#ifdef LUMA_FP64_HIGH_BITS_OVERFLOW_WORKAROUND
  prod = split2(prod);
#endif
  prod = quickTwoSum(prod.x, prod.y);
  let crossProduct2 = prevent_fp64_optimization(a.y * b.x);
  prod.y = prevent_fp64_optimization(prod.y + crossProduct2);
#ifdef LUMA_FP64_HIGH_BITS_OVERFLOW_WORKAROUND
  prod = split2(prod);
#endif
  prod = quickTwoSum(prod.x, prod.y);
  return prod;
}

#ifndef LUMA_FP64_PREDICATE_ONLY
fn div_fp64(a: vec2f, b: vec2f) -> vec2f {
  let xn = prevent_fp64_optimization(1.0 / b.x);
  let yn = mul_fp64(a, vec2f(xn, fp64_runtime_zero()));
  let diff = prevent_fp64_optimization(sub_fp64(a, mul_fp64(b, yn)).x);
  let prod = twoProd(xn, diff);
  return sum_fp64(yn, prod);
}

fn sqrt_fp64(a: vec2f) -> vec2f {
  if (a.x == 0.0 && a.y == 0.0) {
    return vec2f(0.0, 0.0);
  }
  if (a.x < 0.0) {
    let nanValue = fp64_nan(a.x);
    return vec2f(nanValue, nanValue);
  }

  let x = prevent_fp64_optimization(1.0 / sqrt(a.x));
  let yn = prevent_fp64_optimization(a.x * x);
#ifdef LUMA_FP64_CODE_ELIMINATION_WORKAROUND
  let ynSqr = twoSqr(yn) * fp64arithmetic.ONE;
#else
  let ynSqr = twoSqr(yn);
#endif
  let diff = prevent_fp64_optimization(sub_fp64(a, ynSqr).x);
  let prod = twoProd(prevent_fp64_optimization(x * 0.5), diff);
#ifdef LUMA_FP64_HIGH_BITS_OVERFLOW_WORKAROUND
  return sum_fp64(split(yn), prod);
#else
  return sum_fp64(vec2f(yn, 0.0), prod);
#endif
}
#endif
#endif

#ifndef LUMA_FP64_PREDICATE_ONLY
fn fp64_f32_bits_is_nan(bits: u32) -> bool {
  return (bits & 0x7fffffffu) > 0x7f800000u;
}

fn fp64_f32_bits_is_inf(bits: u32) -> bool {
  return (bits & 0x7fffffffu) == 0x7f800000u;
}

fn fp64_compare_f32_bits(aBits: u32, bBits: u32) -> i32 {
  let aMagnitude = aBits & 0x7fffffffu;
  let bMagnitude = bBits & 0x7fffffffu;
  if (aMagnitude == 0u && bMagnitude == 0u) {
    return 0;
  }
  let aSign = aBits >> 31u;
  let bSign = bBits >> 31u;
  if (aSign != bSign) {
    return select(1, -1, aSign == 1u);
  }
  if (aMagnitude == bMagnitude) {
    return 0;
  }
  let magnitudeComparison = select(-1, 1, aMagnitude > bMagnitude);
  return select(magnitudeComparison, -magnitudeComparison, aSign == 1u);
}

// Normalize an arbitrary pair of finite f32 limbs with integer accumulation.
// This is independent of LUMA_FP64_INTEGER_ARITHMETIC and canonicalizes every
// representation of zero to vec2f(+0.0, +0.0).
fn normalize_fp64(value: vec2f) -> vec2f {
  let resultBits = fp64_add_raw_f32_bits(bitcast<u32>(value.x), bitcast<u32>(value.y));
  return vec2f(bitcast<f32>(resultBits.x), bitcast<f32>(resultBits.y));
}

fn is_nan_fp64(value: vec2f) -> bool {
  let normalized = normalize_fp64(value);
  return fp64_f32_bits_is_nan(bitcast<u32>(normalized.x)) ||
    fp64_f32_bits_is_nan(bitcast<u32>(normalized.y));
}

fn is_finite_fp64(value: vec2f) -> bool {
  let normalized = normalize_fp64(value);
  let highBits = bitcast<u32>(normalized.x);
  let lowBits = bitcast<u32>(normalized.y);
  return !fp64_f32_bits_is_nan(highBits) && !fp64_f32_bits_is_nan(lowBits) &&
    !fp64_f32_bits_is_inf(highBits) && !fp64_f32_bits_is_inf(lowBits);
}

// Returns -1, 0, or 1. NaN is unordered and returns 0; call is_nan_fp64 or
// is_finite_fp64 first when 0 must mean a finite zero.
fn sign_fp64(value: vec2f) -> i32 {
  let normalized = normalize_fp64(value);
  let highBits = bitcast<u32>(normalized.x);
  let lowBits = bitcast<u32>(normalized.y);
  if (fp64_f32_bits_is_nan(highBits) || fp64_f32_bits_is_nan(lowBits)) {
    return 0;
  }
  if ((highBits & 0x7fffffffu) != 0u) {
    return select(1, -1, (highBits >> 31u) == 1u);
  }
  if ((lowBits & 0x7fffffffu) != 0u) {
    return select(1, -1, (lowBits >> 31u) == 1u);
  }
  return 0;
}

// Compares double-single values and returns -1, 0, or 1. NaN is unordered
// and returns 0; callers that require equality semantics must first check
// is_nan_fp64 or is_finite_fp64.
fn compare_fp64(a: vec2f, b: vec2f) -> i32 {
  let normalizedA = normalize_fp64(a);
  let normalizedB = normalize_fp64(b);
  let aHighBits = bitcast<u32>(normalizedA.x);
  let aLowBits = bitcast<u32>(normalizedA.y);
  let bHighBits = bitcast<u32>(normalizedB.x);
  let bLowBits = bitcast<u32>(normalizedB.y);
  if (fp64_f32_bits_is_nan(aHighBits) || fp64_f32_bits_is_nan(aLowBits) ||
      fp64_f32_bits_is_nan(bHighBits) || fp64_f32_bits_is_nan(bLowBits)) {
    return 0;
  }
  let highComparison = fp64_compare_f32_bits(aHighBits, bHighBits);
  if (highComparison != 0) {
    return highComparison;
  }
  return fp64_compare_f32_bits(aLowBits, bLowBits);
}
#endif
`;var Ls={ONE:1,SPLIT:4097},Bs={name:"fp64arithmetic",source:ti,fs:Bt,vs:Bt,defaultUniforms:Ls,uniformTypes:{ONE:"f32",SPLIT:"f32"},fp64ify:Lt,fp64LowPart:Xn,fp64ifyMatrix4:Yn};var Is=[0,1,1,1],Ts=`layout(std140) uniform pickingUniforms {
  float isActive;
  float isAttribute;
  float isHighlightActive;
  float useByteColors;
  vec3 highlightedObjectColor;
  vec4 highlightColor;
} picking;

out vec4 picking_vRGBcolor_Avalid;

// Normalize unsigned byte color to 0-1 range
vec3 picking_normalizeColor(vec3 color) {
  return picking.useByteColors > 0.5 ? color / 255.0 : color;
}

// Normalize unsigned byte color to 0-1 range
vec4 picking_normalizeColor(vec4 color) {
  return picking.useByteColors > 0.5 ? color / 255.0 : color;
}

bool picking_isColorZero(vec3 color) {
  return dot(color, vec3(1.0)) < 0.00001;
}

bool picking_isColorValid(vec3 color) {
  return dot(color, vec3(1.0)) > 0.00001;
}

// Check if this vertex is highlighted 
bool isVertexHighlighted(vec3 vertexColor) {
  vec3 highlightedObjectColor = picking_normalizeColor(picking.highlightedObjectColor);
  return
    bool(picking.isHighlightActive) && picking_isColorZero(abs(vertexColor - highlightedObjectColor));
}

// Set the current picking color
void picking_setPickingColor(vec3 pickingColor) {
  pickingColor = picking_normalizeColor(pickingColor);

  if (bool(picking.isActive)) {
    // Use alpha as the validity flag. If pickingColor is [0, 0, 0] fragment is non-pickable
    picking_vRGBcolor_Avalid.a = float(picking_isColorValid(pickingColor));

    if (!bool(picking.isAttribute)) {
      // Stores the picking color so that the fragment shader can render it during picking
      picking_vRGBcolor_Avalid.rgb = pickingColor;
    }
  } else {
    // Do the comparison with selected item color in vertex shader as it should mean fewer compares
    picking_vRGBcolor_Avalid.a = float(isVertexHighlighted(pickingColor));
  }
}

void picking_setPickingAttribute(float value) {
  if (bool(picking.isAttribute)) {
    picking_vRGBcolor_Avalid.r = value;
  }
}

void picking_setPickingAttribute(vec2 value) {
  if (bool(picking.isAttribute)) {
    picking_vRGBcolor_Avalid.rg = value;
  }
}

void picking_setPickingAttribute(vec3 value) {
  if (bool(picking.isAttribute)) {
    picking_vRGBcolor_Avalid.rgb = value;
  }
}
`,Ps=`layout(std140) uniform pickingUniforms {
  float isActive;
  float isAttribute;
  float isHighlightActive;
  float useByteColors;
  vec3 highlightedObjectColor;
  vec4 highlightColor;
} picking;

in vec4 picking_vRGBcolor_Avalid;

/*
 * Returns highlight color if this item is selected.
 */
vec4 picking_filterHighlightColor(vec4 color) {
  // If we are still picking, we don't highlight
  if (picking.isActive > 0.5) {
    return color;
  }

  bool selected = bool(picking_vRGBcolor_Avalid.a);

  if (selected) {
    // Blend in highlight color based on its alpha value
    float highLightAlpha = picking.highlightColor.a;
    float blendedAlpha = highLightAlpha + color.a * (1.0 - highLightAlpha);
    float highLightRatio = highLightAlpha / blendedAlpha;

    vec3 blendedRGB = mix(color.rgb, picking.highlightColor.rgb, highLightRatio);
    return vec4(blendedRGB, blendedAlpha);
  } else {
    return color;
  }
}

/*
 * Returns picking color if picking enabled else unmodified argument.
 */
vec4 picking_filterPickingColor(vec4 color) {
  if (bool(picking.isActive)) {
    if (picking_vRGBcolor_Avalid.a == 0.0) {
      discard;
    }
    return picking_vRGBcolor_Avalid;
  }
  return color;
}

/*
 * Returns picking color if picking is enabled if not
 * highlight color if this item is selected, otherwise unmodified argument.
 */
vec4 picking_filterColor(vec4 color) {
  vec4 highlightColor = picking_filterHighlightColor(color);
  return picking_filterPickingColor(highlightColor);
}
`,Ns={props:{},uniforms:{},name:"picking",uniformTypes:{isActive:"f32",isAttribute:"f32",isHighlightActive:"f32",useByteColors:"f32",highlightedObjectColor:"vec3<f32>",highlightColor:"vec4<f32>"},defaultUniforms:{isActive:!1,isAttribute:!1,isHighlightActive:!1,useByteColors:!0,highlightedObjectColor:[0,0,0],highlightColor:Is},vs:Ts,fs:Ps,getUniforms:Os};function Os(t={},e){let n={},i=Jn(t.useByteColors,!0);if(t.highlightedObjectColor!==void 0)if(t.highlightedObjectColor===null)n.isHighlightActive=!1;else{n.isHighlightActive=!0;let r=t.highlightedObjectColor.slice(0,3);n.highlightedObjectColor=r}return t.highlightColor&&(n.highlightColor=Qn(t.highlightColor,i)),t.isActive!==void 0&&(n.isActive=!!t.isActive,n.isAttribute=!!t.isAttribute),t.useByteColors!==void 0&&(n.useByteColors=!!t.useByteColors),n}var It={};function G(t="id"){It[t]=It[t]||1;let e=It[t]++;return`${t}-${e}`}var Ee=class{constructor(e){f(this,"id");f(this,"topology");f(this,"vertexCount");f(this,"indices");f(this,"attributes");f(this,"bufferLayout");f(this,"userData",{});let{attributes:n={},indices:i=null,vertexCount:r=null}=e;this.id=e.id||G("geometry"),this.topology=e.topology,i&&(this.indices=ArrayBuffer.isView(i)?{value:i,size:1}:i),this.attributes={};for(let[s,o]of Object.entries(n)){let a=ArrayBuffer.isView(o)?{value:o}:o;if(!ArrayBuffer.isView(a.value))throw new Error(`${this._print(s)}: must be typed array or object with value as typed array`);if((s==="POSITION"||s==="positions")&&!a.size&&(a.size=3),s==="indices"){if(this.indices)throw new Error("Multiple indices detected");this.indices=a}else{let u=Q(s),c=Object.keys(this.attributes).find(l=>Q(l)===u);c&&delete this.attributes[c],this.attributes[s]=a}}this.indices&&this.indices.isIndexed!==void 0&&(this.indices=Object.assign({},this.indices),delete this.indices.isIndexed),this.vertexCount=r||this._calculateVertexCount(this.attributes,this.indices),this.bufferLayout=e.bufferLayout||Ds(this.attributes)}getVertexCount(){return this.vertexCount}getAttributes(){return this.indices?{indices:this.indices,...this.attributes}:this.attributes}_print(e){return`Geometry ${this.id} attribute ${e}`}_setAttributes(e,n){return this}_calculateVertexCount(e,n){if(n)return n.value.length;let i=1/0;for(let r of Object.values(e)){if(!r)continue;let{value:s,size:o,constant:a}=r;!a&&s&&o!==void 0&&o>=1&&(i=Math.min(i,s.length/o))}return i}};function Q(t){switch(t){case"POSITION":return"positions";case"NORMAL":return"normals";case"TEXCOORD_0":return"texCoords";case"TEXCOORD_1":return"texCoords1";case"COLOR_0":return"colors";default:return t}}function Ds(t){let e=[];for(let[n,i]of Object.entries(t)){if(!i)continue;let{value:r,size:s,normalized:o}=i;if(s===void 0)throw new Error(`Attribute ${n} is missing a size`);e.push({name:Q(n),format:P.getVertexFormatFromAttribute(r,s,o)})}return e}var Rs=1,Fs=1,Tt=class{constructor(){f(this,"time",0);f(this,"channels",new Map);f(this,"animations",new Map);f(this,"playing",!1);f(this,"lastEngineTime",-1)}addChannel(e){let{delay:n=0,duration:i=Number.POSITIVE_INFINITY,rate:r=1,repeat:s=1}=e,o=Rs++,a={time:0,delay:n,duration:i,rate:r,repeat:s};return this._setChannelTime(a,this.time),this.channels.set(o,a),o}removeChannel(e){this.channels.delete(e);for(let[n,i]of this.animations)i.channel===e&&this.detachAnimation(n)}isFinished(e){let n=this.channels.get(e);return n===void 0?!1:this.time>=n.delay+n.duration*n.repeat}getTime(e){if(e===void 0)return this.time;let n=this.channels.get(e);return n===void 0?-1:n.time}setTime(e){this.time=Math.max(0,e);let n=this.channels.values();for(let r of n)this._setChannelTime(r,this.time);let i=this.animations.values();for(let r of i){let{animation:s,channel:o}=r;s.setTime(this.getTime(o))}}play(){this.playing=!0}pause(){this.playing=!1,this.lastEngineTime=-1}reset(){this.setTime(0)}attachAnimation(e,n){let i=Fs++;return this.animations.set(i,{animation:e,channel:n}),e.setTime(this.getTime(n)),i}detachAnimation(e){this.animations.delete(e)}update(e){this.playing&&(this.lastEngineTime===-1&&(this.lastEngineTime=e),this.setTime(this.time+(e-this.lastEngineTime)),this.lastEngineTime=e)}_setChannelTime(e,n){let i=n-e.delay,r=e.duration*e.repeat;i>=r?e.time=e.duration*e.rate:(e.time=Math.max(0,i)%e.duration,e.time*=e.rate)}};function ni(t){let e=typeof window<"u"?window.requestAnimationFrame||window.webkitRequestAnimationFrame||window.mozRequestAnimationFrame:null;return e?e.call(window,t):setTimeout(()=>t(typeof performance<"u"?performance.now():Date.now()),1e3/60)}function ii(t){let e=typeof window<"u"?window.cancelAnimationFrame||window.webkitCancelAnimationFrame||window.mozCancelAnimationFrame:null;if(e){e.call(window,t);return}clearTimeout(t)}var Ms=0,Gs="Animation Loop",ri={requestAnimationFrame:t=>ni(t),cancelAnimationFrame:t=>ii(t)},Ae=class Ae{constructor(e){f(this,"device",null);f(this,"canvas",null);f(this,"props");f(this,"animationProps",null);f(this,"timeline",null);f(this,"stats");f(this,"sharedStats");f(this,"cpuTime");f(this,"gpuTime");f(this,"frameRate");f(this,"display");f(this,"_needsRedraw","initialized");f(this,"_initialized",!1);f(this,"_running",!1);f(this,"_animationFrameId",null);f(this,"_nextFramePromise",null);f(this,"_resolveNextFrame",null);f(this,"_cpuStartTime",0);f(this,"_error",null);f(this,"_lastFrameTime",0);if(this.props={...Ae.defaultAnimationLoopProps,...e},e=this.props,!e.device)throw new Error("No device provided");this.stats=e.stats||new jt({id:`animation-loop-${Ms++}`}),this.sharedStats=qt.stats.get(Gs),this.frameRate=this.stats.get("Frame Rate"),this.frameRate.setSampleSize(1),this.cpuTime=this.stats.get("CPU Time"),this.gpuTime=this.stats.get("GPU Time"),this.setProps({autoResizeViewport:e.autoResizeViewport,animationFrameProvider:e.animationFrameProvider}),this.start=this.start.bind(this),this.stop=this.stop.bind(this),this._onMousemove=this._onMousemove.bind(this),this._onMouseleave=this._onMouseleave.bind(this)}destroy(){this.stop(),this._setDisplay(null),this.device?._disableDebugGPUTime()}delete(){this.destroy()}reportError(e){this._error=e,this.props.onError(e),this.props.onError===Ae.defaultAnimationLoopProps.onError&&typeof window<"u"&&typeof ErrorEvent<"u"&&window.dispatchEvent(new ErrorEvent("error",{error:e,message:e.message}))}setNeedsRedraw(e){return this._needsRedraw=this._needsRedraw||e,this}needsRedraw(){let e=this._needsRedraw;return this._needsRedraw=!1,e}setProps(e){if("autoResizeViewport"in e&&(this.props.autoResizeViewport=e.autoResizeViewport||!1),"animationFrameProvider"in e){let n=e.animationFrameProvider||ri;if(n!==this.props.animationFrameProvider){let i=this._animationFrameId!==null;i&&this._cancelAnimationFrame(),this.props.animationFrameProvider=n,i&&this._requestAnimationFrame()}}return this}async start(){if(this._running)return this;this._running=!0;try{let e;if(!this._initialized){if(this._initialized=!0,await this._initDevice(),this._initialize(),!this._running)return null;await this.props.onInitialize(this._getAnimationProps())}return this._running?(e!==!1&&(this._cancelAnimationFrame(),this._requestAnimationFrame()),this):null}catch(e){let n=e instanceof Error?e:new Error("Unknown error");throw this.props.onError(n),n}}stop(){if(this._running){let e=this.animationProps;this._cancelAnimationFrame(),this._nextFramePromise=null,this._resolveNextFrame=null,this._running=!1,this._lastFrameTime=0,e&&this.props.onFinalize(e)}return this}redraw(e,n=null){return this.device?.isLost||this._error?this:(this._beginFrameTimers(e),this._setupFrame(),this.animationProps&&(this.animationProps.animationFrame=n),this._updateAnimationProps(),this._renderFrame(this._getAnimationProps()),this._clearNeedsRedraw(),this._resolveNextFrame&&(this._resolveNextFrame(this),this._nextFramePromise=null,this._resolveNextFrame=null),this._endFrameTimers(),this)}attachTimeline(e){return this.timeline=e,this.timeline}detachTimeline(){this.timeline=null}waitForRender(){return this.setNeedsRedraw("waitForRender"),this._nextFramePromise||(this._nextFramePromise=new Promise(e=>{this._resolveNextFrame=e})),this._nextFramePromise}async toDataURL(){if(this.setNeedsRedraw("toDataURL"),await this.waitForRender(),this.canvas instanceof HTMLCanvasElement)return this.canvas.toDataURL();throw new Error("OffscreenCanvas")}_initialize(){this._startEventHandling(),this._initializeAnimationProps(),this._updateAnimationProps(),this._resizeViewport(),this.device?._enableDebugGPUTime()}_setDisplay(e){this.display&&(this.display.destroy(),this.display.animationLoop=null),e&&(e.animationLoop=this),this.display=e}_requestAnimationFrame(){this._running&&(this._animationFrameId=this.props.animationFrameProvider.requestAnimationFrame(this._animationFrame.bind(this)))}_cancelAnimationFrame(){this._animationFrameId!==null&&(this.props.animationFrameProvider.cancelAnimationFrame(this._animationFrameId),this._animationFrameId=null)}_animationFrame(e,n){if(this._running)try{this.redraw(e,n??null),this._requestAnimationFrame()}catch(i){let r=i instanceof Error?i:new Error(String(i));this.reportError(r),this.stop()}}_renderFrame(e){if(this.display){this.display._renderFrame(e);return}let n=this.props.onRender(this._getAnimationProps());this.device&&n!==!1&&this.device.submit()}_clearNeedsRedraw(){this._needsRedraw=!1}_setupFrame(){this._resizeViewport()}_initializeAnimationProps(){let e=this.device?.getDefaultCanvasContext();if(!this.device||!e)throw new Error("loop");let n=e?.canvas,i=e.props.useDevicePixels;this.animationProps={animationLoop:this,device:this.device,canvasContext:e,canvas:n,useDevicePixels:i,timeline:this.timeline,needsRedraw:!1,width:1,height:1,aspect:1,time:0,startTime:Date.now(),engineTime:0,tick:0,tock:0,animationFrame:null,_mousePosition:null}}_getAnimationProps(){if(!this.animationProps)throw new Error("animationProps");return this.animationProps}_updateAnimationProps(){if(!this.animationProps)return;let{width:e,height:n,aspect:i}=this._getSizeAndAspect();(e!==this.animationProps.width||n!==this.animationProps.height)&&this.setNeedsRedraw("drawing buffer resized"),i!==this.animationProps.aspect&&this.setNeedsRedraw("drawing buffer aspect changed"),this.animationProps.width=e,this.animationProps.height=n,this.animationProps.aspect=i,this.animationProps.needsRedraw=this._needsRedraw,this.animationProps.engineTime=Date.now()-this.animationProps.startTime,this.timeline&&this.timeline.update(this.animationProps.engineTime),this.animationProps.tick=Math.floor(this.animationProps.time/1e3*60),this.animationProps.tock++,this.animationProps.time=this.timeline?this.timeline.getTime():this.animationProps.engineTime}async _initDevice(){if(this.device=await this.props.device,!this.device)throw new Error("No device provided");this.canvas=this.device.getDefaultCanvasContext().canvas||null}_createInfoDiv(){if(this.canvas&&this.props.onAddHTML){let e=document.createElement("div");document.body.appendChild(e),e.style.position="relative";let n=document.createElement("div");n.style.position="absolute",n.style.left="10px",n.style.bottom="10px",n.style.width="300px",n.style.background="white",this.canvas instanceof HTMLCanvasElement&&e.appendChild(this.canvas),e.appendChild(n);let i=this.props.onAddHTML(n);i&&(n.innerHTML=i)}}_getSizeAndAspect(){if(!this.device)return{width:1,height:1,aspect:1};let[e,n]=this.device.getDefaultCanvasContext().getDrawingBufferSize(),i=e>0&&n>0?e/n:1;return{width:e,height:n,aspect:i}}_resizeViewport(){this.props.autoResizeViewport&&this.device.gl&&this.device.gl.viewport(0,0,this.device.gl.drawingBufferWidth,this.device.gl.drawingBufferHeight)}_beginFrameTimers(e){let n=e??(typeof performance<"u"?performance.now():Date.now());if(this._lastFrameTime){let i=n-this._lastFrameTime;i>0&&this.frameRate.addTime(i)}this._lastFrameTime=n,this.device?._isDebugGPUTimeEnabled()&&this._consumeEncodedGpuTime(),this.cpuTime.timeStart()}_endFrameTimers(){this.device?._isDebugGPUTimeEnabled()&&this._consumeEncodedGpuTime(),this.cpuTime.timeEnd(),this._updateSharedStats()}_consumeEncodedGpuTime(){if(!this.device)return;let e=this.device.commandEncoder._gpuTimeMs;e!==void 0&&(this.gpuTime.addTime(e),this.device.commandEncoder._gpuTimeMs=void 0)}_updateSharedStats(){if(this.stats!==this.sharedStats){for(let e of Object.keys(this.sharedStats.stats))this.stats.stats[e]||delete this.sharedStats.stats[e];this.stats.forEach(e=>{let n=this.sharedStats.get(e.name,e.type);n.sampleSize=e.sampleSize,n.time=e.time,n.count=e.count,n.samples=e.samples,n.lastTiming=e.lastTiming,n.lastSampleTime=e.lastSampleTime,n.lastSampleCount=e.lastSampleCount,n._count=e._count,n._time=e._time,n._samples=e._samples,n._startTime=e._startTime,n._timerPending=e._timerPending})}}_startEventHandling(){this.canvas&&(this.canvas.addEventListener("mousemove",this._onMousemove.bind(this)),this.canvas.addEventListener("mouseleave",this._onMouseleave.bind(this)))}_onMousemove(e){e instanceof MouseEvent&&(this._getAnimationProps()._mousePosition=[e.offsetX,e.offsetY])}_onMouseleave(e){this._getAnimationProps()._mousePosition=null}};f(Ae,"defaultAnimationLoopProps",{device:null,onAddHTML:()=>"",onInitialize:async()=>null,onRender:()=>{},onFinalize:()=>{},onError:e=>{console.error(e)},stats:void 0,autoResizeViewport:!1,animationFrameProvider:ri});var Pt=Ae;function oi(t,e={}){let n=e.bufferName||"geometry";if(Cs(t,n))return t;let i=e.minAttributeAlignment||4,r=Us(t,e.attributes),s=[],o=0,a=1/0;for(let[l,p]of r){if(!p)continue;if(p.constant)throw new Error(`Attribute ${l} is constant`);let{value:h,size:d,normalized:m}=p;if(!ArrayBuffer.isView(h))throw new Error(`Attribute ${l} is missing typed array data`);if(d===void 0)throw new Error(`Attribute ${l} is missing a size`);let g=P.getVertexFormatFromAttribute(h,d,m),y=P.getVertexFormatInfo(g);o=si(o,i),s.push({sourceName:l,attributeName:Q(l),value:h,size:d,format:g,byteOffset:o,byteLength:y.byteLength}),o+=y.byteLength;let v=h.length/d;if(!Number.isInteger(v))throw new Error(`Attribute ${l} length is not divisible by size`);a=Math.min(a,v)}if(s.length===0||!Number.isFinite(a))throw new Error(`Geometry ${t.id} has no interleavable attributes`);let u=si(o,i),c=new ArrayBuffer(a*u);for(let l of s)$s(c,a,u,l);return new Ee({id:t.id,topology:t.topology||"triangle-list",vertexCount:t.vertexCount,indices:t.indices,attributes:{[n]:{value:new Uint8Array(c),size:u,byteStride:u}},bufferLayout:[{name:n,stepMode:"vertex",byteStride:u,attributes:s.map(l=>({attribute:l.attributeName,format:l.format,byteOffset:l.byteOffset}))}]})}function Cs(t,e){if(t.bufferLayout.length!==1)return!1;let n=t.bufferLayout[0];return n.name===e&&!!n.attributes?.length&&!!t.attributes[e]}function Us(t,e){return e?e.map(n=>[n,t.attributes[n]]):Object.entries(t.attributes)}function $s(t,e,n,i){let r=i.value.constructor,s=r.BYTES_PER_ELEMENT;if(i.byteOffset%s!==0||n%s!==0)throw new Error(`Attribute ${i.sourceName} is not aligned to its component type`);let o=new r(t),a=i.value,u=i.byteOffset/s,c=n/s;for(let l=0;l<e;l++){let p=l*i.size,h=l*c+u;for(let d=0;d<i.size;d++)o[h+d]=a[p+d]}}function si(t,e){return Math.ceil(t/e)*e}var Xe=class{constructor(e){f(this,"id");f(this,"userData",{});f(this,"topology");f(this,"bufferLayout",[]);f(this,"vertexCount");f(this,"indices");f(this,"attributes");if(this.id=e.id||G("geometry"),this.topology=e.topology,this.indices=e.indices||null,this.attributes=e.attributes,this.vertexCount=e.vertexCount,this.bufferLayout=e.bufferLayout||[],this.indices&&!(this.indices.usage&B.INDEX))throw new Error("Index buffer must have INDEX usage")}destroy(){this.indices?.destroy();for(let e of Object.values(this.attributes))e.destroy()}getVertexCount(){return this.vertexCount}getAttributes(){return this.attributes}getIndexes(){return this.indices||null}_calculateVertexCount(e){return e.byteLength/12}};function ai(t,e){if(e instanceof Xe)return e;let n=oi(e),i=ks(t,n),{attributes:r,bufferLayout:s}=zs(t,n);return new Xe({topology:n.topology||"triangle-list",bufferLayout:s,vertexCount:n.vertexCount,indices:i,attributes:r})}function ks(t,e){if(!e.indices)return;let n=e.indices.value;return t.createBuffer({usage:B.INDEX,data:n})}function zs(t,e){let n={};for(let[i,r]of Object.entries(e.attributes)){let s=e.bufferLayout.find(o=>o.name===i)?.name||Q(i);r&&(n[s]=t.createBuffer({data:r.value,id:`${i}-buffer`}))}return{attributes:n,bufferLayout:e.bufferLayout,vertexCount:e.vertexCount}}function ui(t,e){let n={},i="Values";if(t.attributes.length===0&&!t.varyings?.length)return{"No attributes or varyings":{[i]:"N/A"}};for(let r of t.attributes)if(r){let s=`${r.location} ${r.name}: ${r.type}`;n[`in ${s}`]={[i]:r.stepMode||"vertex"}}for(let r of t.varyings||[]){let s=`${r.location} ${r.name}`;n[`out ${s}`]={[i]:JSON.stringify(r)}}return n}var Ye="__debugFramebufferState";function ci(t,e,n){if(t.device.type!=="webgl")return;let i=js(t.device);if(!i.flushing){if(Hs(t)){Vs(t,n,i);return}e&&qs(e)&&e.handle!==null&&(i.queuedFramebuffers.includes(e)||i.queuedFramebuffers.push(e))}}function Vs(t,e,n){if(n.queuedFramebuffers.length===0)return;let i=t.device,{gl:r}=i,s=r.getParameter(36010),o=r.getParameter(36006),[a,u]=t.device.getDefaultCanvasContext().getDrawingBufferSize(),c=fi(e.top,8),l=fi(e.left,8);n.flushing=!0;try{for(let p of n.queuedFramebuffers){let[h,d,m,g,y]=Ws({framebuffer:p,targetWidth:a,targetHeight:u,topPx:c,leftPx:l,minimap:e.minimap});r.bindFramebuffer(36008,p.handle),r.bindFramebuffer(36009,null),r.blitFramebuffer(0,0,p.width,p.height,h,d,m,g,16384,9728),c+=y+8}}finally{r.bindFramebuffer(36008,s),r.bindFramebuffer(36009,o),n.flushing=!1}}function Ws(t){let{framebuffer:e,targetWidth:n,targetHeight:i,topPx:r,leftPx:s,minimap:o}=t,a=o?Math.max(Math.floor(n/4),1):n,u=o?Math.max(Math.floor(i/4),1):i,c=Math.min(a/e.width,u/e.height),l=Math.max(Math.floor(e.width*c),1),p=Math.max(Math.floor(e.height*c),1),h=s,d=Math.max(i-r-p,0),m=h+l,g=d+p;return[h,d,m,g,p]}function js(t){var e;return(e=t.userData)[Ye]||(e[Ye]={flushing:!1,queuedFramebuffers:[]}),t.userData[Ye]}function qs(t){return"colorAttachments"in t}function Hs(t){let e=t.props.framebuffer;return!e||e.handle===null}function fi(t,e){if(!t)return e;let n=Number.parseInt(t,10);return Number.isFinite(n)?n:e}function oe(t,e,n){if(t===e)return!0;if(!n||!t||!e)return!1;if(Array.isArray(t)){if(!Array.isArray(e)||t.length!==e.length)return!1;for(let i=0;i<t.length;i++)if(!oe(t[i],e[i],n-1))return!1;return!0}if(Array.isArray(e))return!1;if(typeof t=="object"&&typeof e=="object"){let i=Object.keys(t),r=Object.keys(e);if(i.length!==r.length)return!1;for(let s of i)if(!e.hasOwnProperty(s)||!oe(t[s],e[s],n-1))return!1;return!0}return!1}var ae=class{constructor(e){f(this,"bufferLayouts");this.bufferLayouts=e}getBufferLayout(e){return this.bufferLayouts.find(n=>n.name===e)||null}getAttributeNamesForBuffer(e){return me(e)}mergeBufferLayouts(e,n){let i=[...e];for(let r of n){let s=i.findIndex(o=>o.name===r.name);s<0?i.push(r):i[s]=r}return i}};function li(t,e){let n=nn(t),i=e.slice();return i.sort((r,s)=>{let o=ot(me(r).map(u=>n[u])),a=ot(me(s).map(u=>n[u]));return o-a}),i}function ue(t,e){if(!t||!e.some(i=>i.bindingLayout?.length))return t;let n={...t,bindings:t.bindings.map(i=>({...i}))};"attributes"in(t||{})&&(n.attributes=t?.attributes||[]);for(let i of e)for(let r of i.bindingLayout||[])for(let s of Zs(r.name)){let o=n.bindings.find(a=>a.name===s);o?.group===0&&(o.group=r.group),o&&r.visibility!==void 0&&(o.visibility=r.visibility)}return n}function di(t,e,n=[]){return t?e?{...t,attributes:t.attributes.length?Ys(t.attributes,e.attributes.filter(i=>n.includes(i.name))):e.attributes,bindings:Xs(t.bindings,e.bindings)}:t:e}function Le(t){return!!(t.uniformTypes&&!Ks(t.uniformTypes))}function pi(t){let e=[];for(let n of t){let i=ve(n),r=new Set([n.vs,n.fs].flatMap(o=>o?we(o).filter(a=>a.isStd140).map(a=>a.blockName):[])),s=r.has(i)?i:r.size===1?r.values().next().value:void 0;Le(n)&&s&&e.push({name:s,uniformTypes:n.uniformTypes})}return e}function Je(t,e){let n=[],i=new Set;for(let r of[...t||[],...e||[]])i.has(r.name)||(i.add(r.name),n.push(r));return n}function Zs(t){let e=new Set([t,`${t}Uniforms`]);return t.endsWith("Uniforms")||e.add(`${t}Sampler`),[...e]}function Ks(t){for(let e in t)return!1;return!0}function Xs(t,e){let n=t.map(s=>({...s})),i=new Set(t.map(s=>s.name)),r=new Set(t.map(s=>`${s.group}:${s.location}`));for(let s of e){let o=`${s.group}:${s.location}`;!i.has(s.name)&&!r.has(o)&&n.push({...s})}return n}function Ys(t,e){let n=t.map(s=>({...s})),i=new Map(t.map(s=>[s.name,s])),r=new Map(t.map(s=>[s.location,s]));for(let s of e){let o=i.get(s.name);if(o){if(o.type!==s.type||o.location!==s.location)throw new Error(`Shader attribute "${s.name}" conflicts with its inferred type or location`);continue}let a=r.get(s.location);if(a)throw new Error(`Shader attributes "${a.name}" and "${s.name}" both use location ${s.location}`);n.push({...s})}return n}function hi(t){return ArrayBuffer.isView(t)&&!(t instanceof DataView)}function mi(t){return Array.isArray(t)?t.length===0||typeof t[0]=="number":!1}function Be(t){return hi(t)||mi(t)}function Js(t){return Be(t)||typeof t=="number"||typeof t=="boolean"}function gi(t,e={}){let n={bindings:{},uniforms:{}};return Object.keys(t).forEach(i=>{let r=t[i];Object.prototype.hasOwnProperty.call(e,i)||Js(r)?n.uniforms[i]=r:n.bindings[i]=r}),n}var fe=class{constructor(e,n){f(this,"options",{disableWarnings:!1});f(this,"modules");f(this,"moduleUniforms");f(this,"moduleBindings");f(this,"directBindings",{});Object.assign(this.options,n);let i=K(Object.values(e).filter(Qs));for(let r of i)e[r.name]=r;b.log(1,"Creating ShaderInputs with modules",Object.keys(e))(),this.modules=e,this.moduleUniforms={},this.moduleBindings={};for(let[r,s]of Object.entries(e))s&&(this._addModule(s),s.name&&r!==s.name&&!this.options.disableWarnings&&b.warn(`Module name: ${r} vs ${s.name}`)())}destroy(){}setProps(e){e.bindings&&Object.assign(this.directBindings,e.bindings);for(let n of Object.keys(e)){if(n==="bindings")continue;let i=n,r=e[i]||{},s=this.modules[i];if(!s)this.options.disableWarnings||b.warn(`Module ${n} not found`)();else{let o=this.moduleUniforms[i],a=this.moduleBindings[i],u=s.getUniforms?.(r,o)||r,{uniforms:c,bindings:l}=gi(u,s.uniformTypes);this.moduleUniforms[i]=_i(o,c,s.uniformTypes),this.moduleBindings[i]={...a,...l}}}}getModules(){return Object.values(this.modules)}addModules(e){let n=K(e);for(let i of n){let r=i.name;this.modules[r]||(this.modules[r]=i,this._addModule(i))}}getUniformValues(){return this.moduleUniforms}getBindingValues(){let e={};for(let n of Object.values(this.moduleBindings))Object.assign(e,n);return Object.assign(e,this.directBindings),e}getModuleBindingValues(e){let n=this.moduleBindings[e];return n?{...n}:{}}getDebugTable(){let e={};for(let[n,i]of Object.entries(this.moduleUniforms))for(let[r,s]of Object.entries(i))e[`${n}.${r}`]={type:this.modules[n].uniformTypes?.[r],value:String(s)};return e}_addModule(e){let n=e.name;this.moduleUniforms[n]=_i({},e.defaultUniforms||{},e.uniformTypes),this.moduleBindings[n]={}}};function _i(t={},e={},n={}){let i={...t};for(let[r,s]of Object.entries(e))s!==void 0&&(i[r]=Nt(t[r],s,n[r]));return i}function Nt(t,e,n){if(!n||typeof n=="string")return Ie(e);if(Array.isArray(n)){if(Ot(e)||!Array.isArray(e))return Ie(e);let o=Array.isArray(t)&&!Ot(t)?[...t]:[],a=o.slice();for(let u=0;u<e.length;u++){let c=e[u];c!==void 0&&(a[u]=Nt(o[u],c,n[0]))}return a}if(!Dt(e))return Ie(e);let i=n,r=Dt(t)?t:{},s={...r};for(let[o,a]of Object.entries(e))a!==void 0&&(s[o]=Nt(r[o],a,i[o]));return s}function Ie(t){return ArrayBuffer.isView(t)?Array.prototype.slice.call(t):Array.isArray(t)?Ot(t)?t.slice():t.map(n=>n===void 0?void 0:Ie(n)):Dt(t)?Object.fromEntries(Object.entries(t).map(([e,n])=>[e,n===void 0?void 0:Ie(n)])):t}function Ot(t){return ArrayBuffer.isView(t)||Array.isArray(t)&&(t.length===0||typeof t[0]=="number")}function Dt(t){return!!t&&typeof t=="object"&&!Array.isArray(t)&&!ArrayBuffer.isView(t)}function Qs(t){return!!t?.dependencies}var eo=B.DEBUG_DATA_MAX_LENGTH,N=class{constructor(e,n){f(this,"device");f(this,"id");f(this,"ready");f(this,"usage");f(this,"props");f(this,"isReady",!0);f(this,"destroyed",!1);f(this,"generation",0);f(this,"updateTimestamp");f(this,"debugData",new ArrayBuffer(0));f(this,"_debugDataEnabled");f(this,"_maxDebugDataByteLength");f(this,"_ownsBuffer");f(this,"_buffer");let{debugData:i=!1,buffer:r,ownsBuffer:s=!0,...o}=n;if(r&&r.device!==e)throw new Error("DynamicBuffer adopted buffers must belong to the supplied device");if(r&&(o.byteLength!==void 0||o.data!==void 0))throw new Error("DynamicBuffer cannot combine an adopted buffer with byteLength or data");let a=n.id||r?.id||G("dynamic-buffer"),u={...o,id:a,usage:o.usage??r?.usage,indexType:o.indexType??r?.indexType};(u.usage||0)&B.INDEX&&!u.indexType&&(o.data instanceof Uint32Array?u.indexType="uint32":o.data instanceof Uint16Array?u.indexType="uint16":o.data instanceof Uint8Array&&(u.indexType="uint8")),delete u.data,delete u.byteOffset,this.device=e,this.id=a,this.props=u,this.usage=u.usage||0,this._debugDataEnabled=!!i,this._maxDebugDataByteLength=typeof i=="object"&&i.maxByteLength!==void 0?i.maxByteLength:eo,this._ownsBuffer=s,this._buffer=r??this.device.createBuffer({...o,id:a}),this.ready=Promise.resolve(this._buffer),this.updateTimestamp=this._buffer.updateTimestamp,this._resetDebugData(this._buffer.byteLength),o.data&&this._writeDebugData(o.data,o.byteOffset||0)}get buffer(){return this._buffer}get byteLength(){return this._buffer.byteLength}get[Symbol.toStringTag](){return"DynamicBuffer"}toString(){return`DynamicBuffer:"${this.id}":${this.byteLength}B`}toJSON(){return this.toString()}write(e,n=0){this._buffer.write(e,n),this._touch(),this._writeDebugData(e,n)}async mapAndWriteAsync(e,n=0,i=this.byteLength-n){let r=null;await this._buffer.mapAndWriteAsync(async(s,o)=>{await e(s,o),r=new Uint8Array(s.slice(0,i))},n,i),this._touch(),r&&this._writeDebugData(r,n)}async readAsync(e=0,n=this.byteLength-e){let i=await this._buffer.readAsync(e,n);return this._writeDebugData(i,e)&&this._touch(),i}async mapAndReadAsync(e,n=0,i=this.byteLength-n){let r=null,s=await this._buffer.mapAndReadAsync(async(o,a)=>(r=new Uint8Array(o.slice(0)),await e(o,a)),n,i);return r&&this._writeDebugData(r,n)&&this._touch(),s}resize(e){let{byteLength:n,preserveData:i=!1}=e;if(n===this.byteLength)return!1;let r=Math.min(e.copyByteLength??Math.min(this.byteLength,n),this.byteLength,n),s=this._buffer,o=this.debugData.slice(0),{data:a,byteOffset:u,...c}=this.props,l=this.device.createBuffer({...c,byteLength:n});return i&&r>0&&this._copyBufferContents(s,l,r),this._buffer=l,this._resetDebugData(n),i&&o.byteLength>0&&this._writeDebugData(o,0),this._ownsBuffer&&s.destroy(),this._ownsBuffer=!0,this.generation++,this._touch(),!0}ensureSize(e,n){return e<=this.byteLength?!1:this.resize({byteLength:e,preserveData:n?.preserveData})}getBinding(e){return e?.offset===void 0&&e?.size===void 0?this._buffer:{buffer:this._buffer,offset:e?.offset,size:e?.size}}destroy(){this.destroyed||(this._ownsBuffer&&this._buffer.destroy(),this.destroyed=!0,this.debugData=new ArrayBuffer(0))}_copyBufferContents(e,n,i){let r=this.device.type==="webgpu"?Math.ceil(i/4)*4:i,s=this.device.createCommandEncoder();s.copyBufferToBuffer({sourceBuffer:e,destinationBuffer:n,size:r}),this.device.submit(s.finish())}_touch(){this.updateTimestamp=this.device.incrementTimestamp()}_resetDebugData(e){if(!this._debugDataEnabled){this.debugData=new ArrayBuffer(0);return}this.debugData=new ArrayBuffer(Math.min(e,this._maxDebugDataByteLength))}_writeDebugData(e,n){if(!this._debugDataEnabled||this.debugData.byteLength===0||n>=this.debugData.byteLength)return!1;let i=ArrayBuffer.isView(e)?new Uint8Array(e.buffer,e.byteOffset,e.byteLength):new Uint8Array(e),r=new Uint8Array(this.debugData),s=Math.min(i.byteLength,r.byteLength-n);return r.set(i.subarray(0,s),n),s>0}};function Rt(t){return t!==null&&typeof t=="object"&&"buffer"in t}function to(t){return t instanceof N?t.buffer:t}function bi(t){return{buffer:to(t.buffer),offset:t.offset,size:t.size}}function Te(t){return t!==null&&typeof t=="object"&&"resolveTextureBinding"in t&&typeof t.resolveTextureBinding=="function"}function no(t){return t?.type==="texture"||t?.type==="external-texture"}function yi(t,e,n){let i=Qt(t,e,{ignoreWarnings:!0});return no(i)?i:t.bindings.length===0&&n?.fallbackGroup!==void 0?{type:"texture",name:e,group:n.fallbackGroup,location:0}:null}var C=2,io=1e4,Ft="render pipeline initialization failed",ro=["stencil8","depth16unorm","depth24plus","depth24plus-stencil8","depth32float","depth32float-stencil8"],Pe=class Pe{constructor(e,n){f(this,"device");f(this,"id");f(this,"source");f(this,"vs");f(this,"fs");f(this,"pipelineFactory");f(this,"shaderFactory");f(this,"userData",{});f(this,"parameters");f(this,"topology");f(this,"bufferLayout");f(this,"isInstanced");f(this,"instanceCount",0);f(this,"vertexCount");f(this,"indexCount");f(this,"firstVertex");f(this,"firstIndex");f(this,"indexBuffer",null);f(this,"bufferAttributes",{});f(this,"constantAttributes",{});f(this,"bindings",{});f(this,"vertexArray");f(this,"transformFeedback",null);f(this,"pipeline");f(this,"shaderInputs");f(this,"material",null);f(this,"_uniformStore");f(this,"_attributeInfos",{});f(this,"_gpuGeometry",null);f(this,"props");f(this,"_dynamicIndexBufferSource",null);f(this,"_dynamicAttributeBufferSources",{});f(this,"_colorAttachmentFormats");f(this,"_depthStencilAttachmentFormat");f(this,"_pipelineNeedsUpdate","newly created");f(this,"_needsRedraw","initializing");f(this,"_drawBlockedReason",!1);f(this,"_destroyed",!1);f(this,"_vertexCountSet",!1);f(this,"_lastDrawTimestamp",-1);f(this,"_bindingTable",[]);f(this,"_lastLogTime",0);f(this,"_logOpen",!1);f(this,"_drawCount",0);let i=Pe.defaultProps.shaderAssembler,r=n.vertexCount!==void 0;this.props={...Pe.defaultProps,...n,shaderAssembler:n.shaderAssembler??(Mt(i,e.info.shadingLanguage)?i:M.getDefaultShaderAssembler(e.info.shadingLanguage))},this._vertexCountSet=r,n=this.props,this.id=n.id||G("model"),this.device=e,Object.assign(this.userData,n.userData),this.material=n.material||null;let s=fo(e),o=ye(this.props.plugins,s.shaderLanguage),a=xe(this.props.modules,o.modules),u=Object.fromEntries(a.map(d=>[d.name,d])),c=n.shaderInputs||new fe(u,{disableWarnings:this.props.disableWarnings});n.shaderInputs&&o.modules.length>0&&c.addModules(o.modules),this.setShaderInputs(c);let l=Je(this.props.modules,c.getModules()),p={...o.defines,...this.props.defines};if(this.device.type==="webgl"&&(this.props._uniformBlockLayouts=pi(l)),this.props.shaderLayout=ue(this.props.shaderLayout,l)||null,this.device.type==="webgpu"&&this.props.source){let d=this.props.shaderAssembler;he(Mt(d,"wgsl"));let{source:m,getUniforms:g,bindingTable:y,shaderLayout:v}=d.assembleWGSLShader({platformInfo:s,...this.props,modules:l,defines:p,pluginInjections:o.injections,pluginVertexInputs:o.vertexInputs,pluginVaryings:o.varyings});this.source=m,this._getModuleUniforms=g,this._bindingTable=y;let _=v??e.getShaderLayout?.(this.source),T=so(_,o.vertexInputs),w=di(this.props.shaderLayout,T,Object.keys(o.vertexInputs));this.props.shaderLayout=ue(w||null,l)||null}else{let d=this.props.shaderAssembler;he(Mt(d,"glsl"));let{vs:m,fs:g,getUniforms:y}=d.assembleGLSLShaderPair({platformInfo:s,...this.props,modules:l,defines:p,pluginInjections:o.injections,pluginVertexInputs:o.vertexInputs,pluginVaryings:o.varyings});this.vs=m,this.fs=g,this._getModuleUniforms=y,this._bindingTable=[]}this.vertexCount=this.props.vertexCount,this.indexCount=this.props.indexCount,this.firstVertex=this.props.firstVertex,this.firstIndex=this.props.firstIndex,this.instanceCount=this.props.instanceCount,this.topology=this.props.topology,this.bufferLayout=this.props.bufferLayout,this.parameters=this.props.parameters,this._colorAttachmentFormats=this.props.colorAttachmentFormats,this._depthStencilAttachmentFormat=this.props.depthStencilAttachmentFormat,n.geometry&&this.setGeometry(n.geometry),this.pipelineFactory=n.pipelineFactory||Re.getDefaultPipelineFactory(this.device),this.shaderFactory=n.shaderFactory||Fe.getDefaultShaderFactory(this.device),this.pipeline=this._updatePipeline(),this.vertexArray=e.createVertexArray({shaderLayout:this.pipeline.shaderLayout,bufferLayout:this.pipeline.bufferLayout}),this._gpuGeometry&&this._setGeometryAttributes(this._gpuGeometry),"isInstanced"in n&&(this.isInstanced=n.isInstanced),n.instanceCount&&this.setInstanceCount(n.instanceCount),n.vertexCount&&this.setVertexCount(n.vertexCount),n.indexBuffer&&this.setIndexBuffer(n.indexBuffer),n.attributes&&this.setAttributes(n.attributes),n.constantAttributes&&this.setConstantAttributes(n.constantAttributes),n.bindings&&this.setBindings(n.bindings),n.transformFeedback&&(this.transformFeedback=n.transformFeedback)}get[Symbol.toStringTag](){return"Model"}toString(){return`Model(${this.id})`}destroy(){this._destroyed||(this.pipelineFactory.release(this.pipeline),this.shaderFactory.release(this.pipeline.vs),this.pipeline.fs&&this.pipeline.fs!==this.pipeline.vs&&this.shaderFactory.release(this.pipeline.fs),this._uniformStore.destroy(),this._gpuGeometry?.destroy(),this._destroyed=!0)}needsRedraw(){this._getBindingsUpdateTimestamp()>this._lastDrawTimestamp&&this.setNeedsRedraw("contents of bound textures or buffers updated");let e=this._needsRedraw;return this._needsRedraw=!1,e}setNeedsRedraw(e){this._needsRedraw||(this._needsRedraw=e)}getBindingDebugTable(){return this._bindingTable}predraw(e){this._syncDynamicBuffers(),this.updateShaderInputs(e),this.material?.updateShaderInputs(e),this.pipeline=this._updatePipeline()}draw(e){if(this._drawBlockedReason&&!this._pipelineNeedsUpdate)return b.info(C,`>>> DRAWING ABORTED ${this.id}: ${this._drawBlockedReason}`)(),!1;let n=this._areBindingsLoading();if(n)return b.info(C,`>>> DRAWING ABORTED ${this.id}: ${n} not loaded`)(),!1;this._syncAttachmentFormats(e);try{e.pushDebugGroup(`${this}.predraw(${e})`),this.device.type==="webgpu"?(this.updateShaderInputs(),this.material?.updateShaderInputs(),this._syncDynamicBuffers(),this.pipeline=this._updatePipeline()):this.predraw(this.device.commandEncoder)}finally{e.popDebugGroup()}let i,r=this.pipeline.isErrored;try{if(e.pushDebugGroup(`${this}.draw(${e})`),this._logDrawCallStart(),this.pipeline=this._updatePipeline(),r=this.pipeline.isErrored,r)b.info(C,`>>> DRAWING ABORTED ${this.id}: ${Ft}`)(),i=!1;else{let s=this.vertexArray.getDrawValidationError();if(s)b.info(C,`>>> DRAWING ABORTED ${this.id}: ${s}`)(),this._drawBlockedReason=s,i=!1;else{let o=this._getCurrentShaderLayout(),a=this._getBindings(o),u=this._getBindGroups(o,a),{indexBuffer:c}=this.vertexArray,l=c?this.indexCount??(this._vertexCountSet?this.vertexCount:c.byteLength/(c.indexType==="uint32"?4:2)):void 0;e.setPipeline(this.pipeline),e.setBindings(u,{_bindGroupCacheKeys:this._getBindGroupCacheKeys()}),e.setVertexArray(this.vertexArray),i=this.isInstanced===!0&&this.instanceCount===0?!0:e.draw({isInstanced:this.isInstanced,vertexCount:this.vertexCount,instanceCount:this.isInstanced?this.instanceCount:void 0,indexCount:l,firstVertex:this.firstVertex,firstIndex:this.firstIndex,transformFeedback:this.transformFeedback||void 0,uniforms:this.props.uniforms,parameters:this.parameters,topology:this.topology})}}}finally{e.popDebugGroup(),this._logDrawCallEnd()}return this._logFramebuffer(e),i?(this._lastDrawTimestamp=this.device.timestamp,this._needsRedraw=!1):r?(this._needsRedraw=Ft,this._drawBlockedReason=Ft):this._drawBlockedReason?this._needsRedraw=this._drawBlockedReason:this._needsRedraw="waiting for resource initialization",i}setGeometry(e){this._gpuGeometry?.destroy();let n=e&&ai(this.device,e);if(n){this.setTopology(n.topology||"triangle-list");let i=new ae(this.bufferLayout);this.bufferLayout=i.mergeBufferLayouts(n.bufferLayout,this.bufferLayout),this.vertexArray&&this._setGeometryAttributes(n)}this._gpuGeometry=n}setTopology(e){e!==this.topology&&(this.topology=e,this._setPipelineNeedsUpdate("topology"))}setBufferLayout(e){let n=new ae(this.bufferLayout),i=this._gpuGeometry?n.mergeBufferLayouts(e,this._gpuGeometry.bufferLayout):e;oe(i,this.bufferLayout,-1)||(this.bufferLayout=i,this._setPipelineNeedsUpdate("bufferLayout"),this.pipeline=this._updatePipeline(),this.vertexArray=this.device.createVertexArray({shaderLayout:this.pipeline.shaderLayout,bufferLayout:this.pipeline.bufferLayout}),this._gpuGeometry&&this._setGeometryAttributes(this._gpuGeometry))}setParameters(e){oe(e,this.parameters,2)||(this.parameters=e,this._setPipelineNeedsUpdate("parameters"))}setInstanceCount(e){this.instanceCount=e,this.isInstanced===void 0&&e>0&&(this.isInstanced=!0),this.setNeedsRedraw("instanceCount")}setVertexCount(e){this.vertexCount=e,this._vertexCountSet=!0,this.setNeedsRedraw("vertexCount")}setIndexCount(e){this.indexCount=e,this.setNeedsRedraw("indexCount")}setDrawOffsets({firstVertex:e,firstIndex:n}){this.firstVertex=e,this.firstIndex=n,this.setNeedsRedraw("drawOffsets")}setShaderInputs(e){this.shaderInputs=e,this._uniformStore=new Me(this.device,this.shaderInputs.modules);for(let[n,i]of Object.entries(this.shaderInputs.modules))if(Le(i)&&!this.material?.ownsModule(n)){let r=this._uniformStore.getManagedUniformBuffer(n);this.bindings[`${n}Uniforms`]=r}this.setNeedsRedraw("shaderInputs")}setMaterial(e){this.material=e,this.setNeedsRedraw("material")}updateShaderInputs(e){this._uniformStore.setUniforms(this.shaderInputs.getUniformValues(),e),this.setBindings(this._getNonMaterialBindings(this.shaderInputs.getBindingValues())),this.setNeedsRedraw("shaderInputs")}setBindings(e){Object.assign(this.bindings,e),this.setNeedsRedraw("bindings")}setTransformFeedback(e){this.transformFeedback=e,this.setNeedsRedraw("transformFeedback")}setIndexBuffer(e){let n=e instanceof N?e.buffer:e;this.indexBuffer=n,this._dynamicIndexBufferSource=e instanceof N?{source:e,generation:e.generation}:null,this.vertexArray.setIndexBuffer(n),this.setNeedsRedraw("indexBuffer")}setAttributes(e,n){this._drawBlockedReason=!1;let i=n?.disableWarnings??this.props.disableWarnings;e.indices&&b.warn(`Model:${this.id} setAttributes() - indexBuffer should be set using setIndexBuffer()`)(),this.bufferLayout=li(this.pipeline.shaderLayout,this.bufferLayout);let r=new ae(this.bufferLayout);for(let[s,o]of Object.entries(e)){let a=o instanceof N?o.buffer:o,u=r.getBufferLayout(s);if(!u){i||b.warn(`Model(${this.id}): Missing layout for buffer "${s}".`)();continue}let c=r.getAttributeNamesForBuffer(u),l=!1;for(let p of c){let h=this._attributeInfos[p];if(h){let d=this.device.type==="webgpu"?this.vertexArray.getBufferSlot(h.bufferName):h.location;if(d===null){i||b.warn(`Model(${this.id}): Missing vertex array slot for buffer "${h.bufferName}".`)();continue}this.vertexArray.setBuffer(d,a),o instanceof N?this._dynamicAttributeBufferSources[d]={source:o,generation:o.generation}:delete this._dynamicAttributeBufferSources[d],l=!0}}!l&&!i&&b.warn(`Model(${this.id}): Ignoring buffer "${a.id}" for unknown attribute "${s}"`)()}this.setNeedsRedraw("attributes")}setConstantAttributes(e,n){for(let[i,r]of Object.entries(e)){let s=this._attributeInfos[i];s?this.vertexArray.setConstantWebGL(s.location,r):(n?.disableWarnings??this.props.disableWarnings)||b.warn(`Model "${this.id}: Ignoring constant supplied for unknown attribute "${i}"`)()}this.setNeedsRedraw("constants")}_areBindingsLoading(){for(let e of Object.values(this.bindings))if(Te(e)&&!e.isReady)return e.id;for(let e of Object.values(this.material?.bindings||{}))if(Te(e)&&!e.isReady)return e.id;return!1}_getBindings(e=this._getCurrentShaderLayout()){let n={};for(let[i,r]of Object.entries(this.bindings)){let s=oo(i,r,e);s&&(n[i]=s)}return n}_getBindGroups(e=this._getCurrentShaderLayout(),n=this._getBindings(e)){let i=e.bindings.length?en(e,n):{0:n};if(!this.material)return i;for(let[r,s]of Object.entries(this.material.getBindingsByGroup(e))){let o=Number(r);i[o]={...i[o]||{},...s}}return i}_getBindGroupCacheKeys(){let e=this.material?.getBindGroupCacheKey(3);return e?{3:e}:{}}_getBindingsUpdateTimestamp(){let e=0;this._dynamicIndexBufferSource&&(e=Math.max(e,this._dynamicIndexBufferSource.source.updateTimestamp));for(let n of Object.values(this._dynamicAttributeBufferSources))e=Math.max(e,n.source.updateTimestamp);for(let n of Object.values(this.bindings))n instanceof Kt?e=Math.max(e,n.texture.updateTimestamp):n instanceof B||n instanceof Zt||n instanceof Xt||n instanceof N?e=Math.max(e,n.updateTimestamp):Te(n)?e=n.isReady?Math.max(e,n.updateTimestamp):1/0:Rt(n)&&(e=Math.max(e,(n.buffer instanceof N,n.buffer.updateTimestamp)));return Math.max(e,this.material?.getBindingsUpdateTimestamp()||0)}_setGeometryAttributes(e){let n={...e.attributes};for(let[i]of Object.entries(n))!this.pipeline.shaderLayout.attributes.find(r=>r.name===i)&&i!=="positions"&&delete n[i];this.vertexCount=e.vertexCount,this._vertexCountSet=!0,this.setIndexBuffer(e.indices||null),this.setAttributes(e.attributes,{disableWarnings:!0}),this.setAttributes(n,{disableWarnings:this.props.disableWarnings}),this.setNeedsRedraw("geometry attributes")}_setPipelineNeedsUpdate(e){this._pipelineNeedsUpdate||(this._pipelineNeedsUpdate=e),this._drawBlockedReason=!1,this.setNeedsRedraw(e)}_updatePipeline(){if(this._pipelineNeedsUpdate){let e=null,n=null;this.pipeline&&(b.log(1,`Model ${this.id}: Recreating pipeline because "${this._pipelineNeedsUpdate}".`)(),e=this.pipeline.vs,n=this.pipeline.fs),this._pipelineNeedsUpdate=!1;let i=this.shaderFactory.createShader({id:`${this.id}-vertex`,stage:"vertex",source:this.source||this.vs,debugShaders:this.props.debugShaders}),r=null;this.source?r=i:this.fs&&(r=this.shaderFactory.createShader({id:`${this.id}-fragment`,stage:"fragment",source:this.source||this.fs,debugShaders:this.props.debugShaders})),this.pipeline=this.pipelineFactory.createRenderPipeline({...this.props,bindings:void 0,bufferLayout:this.bufferLayout,colorAttachmentFormats:this._colorAttachmentFormats,depthStencilAttachmentFormat:this._depthStencilAttachmentFormat,topology:this.topology,parameters:this.parameters,bindGroups:void 0,vs:i,fs:r}),this._attributeInfos=rn(this.pipeline.shaderLayout,this.bufferLayout),e&&this.shaderFactory.release(e),n&&n!==e&&this.shaderFactory.release(n)}return this.pipeline}_logDrawCallStart(){let e=b.level>3?0:io;b.level<2||Date.now()-this._lastLogTime<e||(this._lastLogTime=Date.now(),this._logOpen=!0,b.group(C,`>>> DRAWING MODEL ${this.id}`,{collapsed:b.level<=2})())}_logDrawCallEnd(){if(this._logOpen){let e=ui(this.pipeline.shaderLayout,this.id);b.table(C,e)();let n=this.shaderInputs.getDebugTable();b.table(C,n)();let i=this._getAttributeDebugTable();b.table(C,this._attributeInfos)(),b.table(C,i)(),b.groupEnd(C)(),this._logOpen=!1}}_logFramebuffer(e){let n=this.device.props.debugFramebuffers;if(this._drawCount++,!n)return;let i=e.props.framebuffer;ci(e,i,{id:i?.id||`${this.id}-framebuffer`,minimap:!0})}_getAttributeDebugTable(){let e={};for(let[n,i]of Object.entries(this._attributeInfos)){let r=this.vertexArray.attributes[i.location];e[i.location]={name:n,type:i.shaderType,values:r?this._getBufferOrConstantValues(r,i.bufferDataType):"null"}}if(this.vertexArray.indexBuffer){let{indexBuffer:n}=this.vertexArray,i=n.indexType==="uint32"?new Uint32Array(n.debugData):new Uint16Array(n.debugData);e.indices={name:"indices",type:n.indexType,values:i.toString()}}return e}_getBufferOrConstantValues(e,n){let i=De.getTypedArrayConstructor(n);return(e instanceof B?new i(e.debugData):e).toString()}_getNonMaterialBindings(e){if(!this.material)return e;let n={};for(let[i,r]of Object.entries(e))this.material.ownsBinding(i)||(n[i]=r);return n}_getCurrentShaderLayout(){return this.pipeline?.shaderLayout||this.props.shaderLayout||{bindings:[]}}_syncDynamicBuffers(){if(this._dynamicIndexBufferSource&&this._dynamicIndexBufferSource.generation!==this._dynamicIndexBufferSource.source.generation){let e=this._dynamicIndexBufferSource.source.buffer;this.indexBuffer=e,this.vertexArray.setIndexBuffer(e),this._dynamicIndexBufferSource.generation=this._dynamicIndexBufferSource.source.generation,this.setNeedsRedraw("dynamic index buffer")}for(let[e,n]of Object.entries(this._dynamicAttributeBufferSources))n.generation!==n.source.generation&&(this.vertexArray.setBuffer(Number(e),n.source.buffer),n.generation=n.source.generation,this.setNeedsRedraw("dynamic attribute buffer"))}_syncAttachmentFormats(e){if(this.device.type!=="webgpu")return;let n=e.framebuffer||e.props.framebuffer,i=e.props,r=i.colorAttachmentFormats??n?.colorAttachments?.map(o=>ao(o?.texture?.format)),s=i.depthStencilAttachmentFormat===!1?void 0:i.depthStencilAttachmentFormat??uo(n?.depthStencilAttachment?.texture?.format);(!oe(this._colorAttachmentFormats,r,1)||this._depthStencilAttachmentFormat!==s)&&(this._colorAttachmentFormats=r,this._depthStencilAttachmentFormat=s,this._setPipelineNeedsUpdate("attachment formats"))}};f(Pe,"defaultProps",{...Yt.defaultProps,source:void 0,vs:null,fs:null,id:"unnamed",handle:void 0,userData:{},defines:{},modules:[],plugins:[],geometry:null,indexBuffer:null,indexCount:void 0,firstVertex:0,firstIndex:0,attributes:{},constantAttributes:{},bindings:{},uniforms:{},varyings:[],isInstanced:void 0,instanceCount:0,vertexCount:0,shaderInputs:void 0,material:void 0,pipelineFactory:void 0,shaderFactory:void 0,transformFeedback:void 0,shaderAssembler:M.getDefaultShaderAssembler("glsl"),debugShaders:void 0,disableWarnings:void 0});var ce=Pe;function Mt(t,e){return t.shaderLanguage!==void 0&&t.shaderLanguage!==e?!1:e==="glsl"?"assembleGLSLShaderPair"in t&&typeof t.assembleGLSLShaderPair=="function":"assembleWGSLShader"in t&&typeof t.assembleWGSLShader=="function"}function so(t,e){return!t||Object.keys(e).length===0?t:{...t,attributes:t.attributes.map(n=>{let i=n.name.startsWith("_luma_")?n.name.slice(6):null;return i&&e[i]?{...n,name:i}:n})}}function oo(t,e,n){if(Te(e)){let i=yi(n,t,{fallbackGroup:0});return i?e.resolveTextureBinding(i):null}return e instanceof N?e.buffer:Rt(e)?bi(e):e}function ao(t){return t&&!xi(t)?t:null}function uo(t){return t&&xi(t)?t:void 0}function xi(t){return ro.includes(t)}function fo(t){return{type:t.type,shaderLanguage:t.info.shadingLanguage,shaderLanguageVersion:t.info.shadingLanguageVersion,gpu:t.info.gpu,limits:t.limits,features:t.features}}var co=35980,lo=35981,Ne=class Ne{constructor(e,n=Ne.defaultProps){f(this,"device");f(this,"model");f(this,"transformFeedback");if(!Ne.isSupported(e))throw new Error("BufferTransform not yet implemented on WebGPU");this.device=e,this.model=new ce(this.device,{id:n.id||"buffer-transform-model",fs:n.fs||At(),topology:n.topology||"point-list",varyings:n.outputs||n.varyings,...n,bufferMode:n.bufferMode||(n.feedbackBufferMode==="interleaved"?co:lo)}),this.transformFeedback=this.device.createTransformFeedback({layout:this.model.pipeline.shaderLayout,buffers:n.feedbackBuffers}),this.model.setTransformFeedback(this.transformFeedback)}static isSupported(e){return e?.info?.type==="webgl"}destroy(){this.model&&this.model.destroy()}delete(){this.destroy()}run(e){e?.inputBuffers&&this.model.setAttributes(e.inputBuffers),e?.outputBuffers&&this.transformFeedback.setBuffers(e.outputBuffers);let n=this.device.beginRenderPass({discard:!0,...e});this.model.draw(n),n.end()}getBuffer(e){return this.transformFeedback.getBuffer(e)}readAsync(e){let n=this.getBuffer(e);if(!n)throw new Error("BufferTransform#getBuffer");if(n instanceof B)return n.readAsync();let{buffer:i,byteOffset:r=0,byteLength:s=i.byteLength}=n;return i.readAsync(r,s)}};f(Ne,"defaultProps",{...ce.defaultProps,feedbackBufferMode:"separate",outputs:void 0,feedbackBuffers:void 0});var Gt=Ne;var Ct=2,po=1e4,Qe=class Qe{constructor(e,n){f(this,"device");f(this,"id");f(this,"pipelineFactory");f(this,"shaderFactory");f(this,"userData",{});f(this,"bindings",{});f(this,"pipeline");f(this,"source");f(this,"shader");f(this,"shaderInputs");f(this,"_uniformStore");f(this,"_pipelineNeedsUpdate","newly created");f(this,"_getModuleUniforms");f(this,"props");f(this,"_destroyed",!1);f(this,"_lastLogTime",0);f(this,"_logOpen",!1);f(this,"_drawCount",0);if(e.type!=="webgpu")throw new Error("Computation is only supported in WebGPU");this.props={...Qe.defaultProps,...n},n=this.props,this.id=n.id||G("model"),this.device=e,Object.assign(this.userData,n.userData);let i=ho(e),r=ye(this.props.plugins,i.shaderLanguage);if(Object.keys(r.vertexInputs).length>0||Object.keys(r.varyings).length>0)throw new Error("Computation does not support ShaderPlugin vertex inputs or varyings");let s=xe(this.props.modules,r.modules),o=Object.fromEntries(s.map(m=>[m.name,m]));this.shaderInputs=n.shaderInputs||new fe(o),n.shaderInputs&&r.modules.length>0&&this.shaderInputs.addModules(r.modules),this.setShaderInputs(this.shaderInputs);let a=Je(this.props.modules,this.shaderInputs?.getModules()),u={...r.defines,...this.props.defines};this.props.shaderLayout=ue(this.props.shaderLayout,a)||null,this.pipelineFactory=n.pipelineFactory||Re.getDefaultPipelineFactory(this.device),this.shaderFactory=n.shaderFactory||Fe.getDefaultShaderFactory(this.device);let c=this.props.shaderAssembler;he(c instanceof se);let{source:l,getUniforms:p,shaderLayout:h}=c.assembleWGSLShader({platformInfo:i,...this.props,modules:a,defines:u,scanVertexAttributes:!1,pluginInjections:r.injections});this.source=l,this._getModuleUniforms=p;let d=h??e.getShaderLayout?.(this.source,{scanVertexAttributes:!1});this.props.shaderLayout=ue(this.props.shaderLayout||d||null,a)||null,this.pipeline=this._updatePipeline(),n.bindings&&this.setBindings(n.bindings)}destroy(){this._destroyed||(this.pipelineFactory.release(this.pipeline),this.shaderFactory.release(this.shader),this._uniformStore.destroy(),this._destroyed=!0)}predraw(e){this.updateShaderInputs(e)}dispatch(e,n,i,r){try{this._logDrawCallStart(),this._setPipeline(e),e.dispatch(n,i,r)}finally{this._logDrawCallEnd()}}dispatchIndirect(e,n,i=0){try{this._logDrawCallStart(),this._setPipeline(e),e.dispatchIndirect(n,i)}finally{this._logDrawCallEnd()}}_setPipeline(e){this.pipeline=this._updatePipeline(),this.pipeline.setBindings(this.bindings),e.setPipeline(this.pipeline),e.setBindings({})}setVertexCount(e){}setInstanceCount(e){}setShaderInputs(e){this.shaderInputs=e,this._uniformStore=new Me(this.device,this.shaderInputs.modules);for(let[n,i]of Object.entries(this.shaderInputs.modules))if(Le(i)){let r=this._uniformStore.getManagedUniformBuffer(n);this.bindings[`${n}Uniforms`]=r}}setShaderModuleProps(e){let n=this._getModuleUniforms(e),i=Object.keys(n).filter(s=>{let o=n[s];return!Be(o)&&typeof o!="number"&&typeof o!="boolean"}),r={};for(let s of i)r[s]=n[s],delete n[s]}updateShaderInputs(e){this._uniformStore.setUniforms(this.shaderInputs.getUniformValues(),e)}setBindings(e){Object.assign(this.bindings,e)}_setPipelineNeedsUpdate(e){this._pipelineNeedsUpdate=this._pipelineNeedsUpdate||e}_updatePipeline(){if(this._pipelineNeedsUpdate){let e=null;this.pipeline&&(b.log(1,`Model ${this.id}: Recreating pipeline because "${this._pipelineNeedsUpdate}".`)(),e=this.shader),this._pipelineNeedsUpdate=!1,this.shader=this.shaderFactory.createShader({id:`${this.id}-fragment`,stage:"compute",source:this.source,debugShaders:this.props.debugShaders}),this.pipeline=this.pipelineFactory.createComputePipeline({...this.props,shader:this.shader}),e&&this.shaderFactory.release(e)}return this.pipeline}_logDrawCallStart(){let e=b.level>3?0:po;b.level<2||Date.now()-this._lastLogTime<e||(this._lastLogTime=Date.now(),this._logOpen=!0,b.group(Ct,`>>> DRAWING MODEL ${this.id}`,{collapsed:b.level<=2})())}_logDrawCallEnd(){if(this._logOpen){let e=this.shaderInputs.getDebugTable();b.table(Ct,e)(),b.groupEnd(Ct)(),this._logOpen=!1}}_getBufferOrConstantValues(e,n){let i=De.getTypedArrayConstructor(n);return(e instanceof B?new i(e.debugData):e).toString()}};f(Qe,"defaultProps",{...Jt.defaultProps,id:"unnamed",handle:void 0,userData:{},source:"",modules:[],defines:{},plugins:[],bindings:void 0,shaderInputs:void 0,pipelineFactory:void 0,shaderFactory:void 0,shaderAssembler:M.getDefaultShaderAssembler("wgsl"),debugShaders:void 0});var Ut=Qe;function ho(t){return{type:t.type,shaderLanguage:t.info.shadingLanguage,shaderLanguageVersion:t.info.shadingLanguageVersion,gpu:t.info.gpu,limits:t.limits,features:t.features}}var $t=class{constructor(){f(this,"poolSize",20);f(this,"bufferPools");this.bufferPools=new Map}createOrReuse(e,n){if(n>e.limits.maxBufferSize)throw new Error(`Buffer pool cannot allocate ${n} bytes: device.limits.maxBufferSize is ${e.limits.maxBufferSize}`);let i=this.bufferPools.get(e),r=i?i.findIndex(o=>o.byteLength>=n):-1;if(r<0)return e.createBuffer({usage:B.VERTEX|B.STORAGE|B.COPY_DST|B.COPY_SRC,byteLength:n});let[s]=i.splice(r,1);return s}recycle(e){let n=e.device;this.bufferPools.has(n)||this.bufferPools.set(n,[]);let i=this.bufferPools.get(n),r=i.findIndex(s=>s.byteLength>e.byteLength);r<0?i.push(e):i.splice(r,0,e),this.purge()}purge(){for(let[e,n]of this.bufferPools){let i=e.isLost?0:this.poolSize;for(;n.length>i;)n.shift().destroy();n.length===0&&this.bufferPools.delete(e)}}},le=new $t;var vi=/^vertex-list<([^<>]+)>$/,wi=/^value-list<([^<>]+)>$/;function et(t){return vi.test(t)}function tt(t){return wi.test(t)}function Si(t){let e=vi.exec(t),n=wi.exec(t),i=e?.[1]??n?.[1]??t;try{P.getVertexFormatInfo(i)}catch{throw new Error(`Unsupported GPUVector format ${t}`)}return i}function V(t){let e=Si(t),n=et(t),i=tt(t),r=P.getVertexFormatInfo(e),s=r.type,o=r.normalized,a=mo(s,o);return{format:t,elementFormat:e,vertexList:n,valueList:i,type:s,signedDataType:go(e,s),primitiveType:a,components:r.components,byteLength:r.byteLength,integer:r.integer,signed:r.signed,normalized:o,...r.webglOnly?{webglOnly:!0}:{}}}function mo(t,e){if(e)return"f32";switch(t){case"float32":return"f32";case"float16":return"f16";case"uint8":case"uint16":case"uint32":return"u32";case"sint8":case"sint16":case"sint32":return"i32";default:throw new Error(`Unsupported GPUVector component type ${t}`)}}function go(t,e){if(t==="unorm10-10-10-2")return"uint32";switch(e){case"unorm8":return"uint8";case"snorm8":return"sint8";case"unorm16":return"uint16";case"snorm16":return"sint16";default:return e}}var W=class{constructor(e){f(this,"buffer");f(this,"format");f(this,"length");f(this,"byteOffset");f(this,"byteStride");let n=P.getVertexFormatInfo(e.format).byteLength,i=e.byteOffset??0,r=e.byteStride??n;if(kt(e.length,"GPUDataView length"),kt(i,"GPUDataView byteOffset"),kt(r,"GPUDataView byteStride"),r<n)throw new Error(`GPUDataView byteStride ${r} is smaller than ${e.format} byte length ${n}`);let s=e.length===0?0:(e.length-1)*r+n,o=i+s;if(!Number.isSafeInteger(s)||!Number.isSafeInteger(o))throw new Error("GPUDataView byte range must use safe integers");if(o>e.buffer.byteLength)throw new Error("GPUDataView exceeds its backing buffer byte length");this.buffer=e.buffer,this.format=e.format,this.length=e.length,this.byteOffset=i,this.byteStride=r}get elementByteLength(){return P.getVertexFormatInfo(this.format).byteLength}get byteLength(){return this.length===0?0:(this.length-1)*this.byteStride+this.elementByteLength}};function kt(t,e){if(!Number.isSafeInteger(t)||t<0)throw new Error(`${e} must be a non-negative safe integer`)}function it(t){return!!(t&&typeof t=="object"&&t.type==="struct")}function Ai(t,e){let n=Object.entries(t);if(n.length===0)throw new Error("GPUData struct format must declare at least one field");return e==="packed"?_o(n):bo(n)}function _o(t){let e=[],n=0,i=0;for(let[r,s]of t){let o=P.getVertexFormatInfo(s);if(o.webglOnly)throw new Error(`Packed GPUData struct field "${r}" uses WebGL-only format ${s}`);n=Ei(n,Math.min(4,o.byteLength)),e.push([r,Object.freeze({format:s,byteOffset:n,byteLength:o.byteLength})]),n+=o.byteLength,i+=o.components}return Object.freeze({type:"struct",layout:"packed",fields:Object.freeze(Object.fromEntries(e)),components:i,byteStride:Ei(n,4),rowByteLength:n})}function bo(t){let e=Object.fromEntries(t.map(([o,a])=>[o,yo(a)])),n=tn(e,{layout:"wgsl-storage"}),i=[],r=0,s=0;for(let[o,a]of t){let u=P.getVertexFormatInfo(a),c=n.fields[o].offset*4;i.push([o,Object.freeze({format:a,byteOffset:c,byteLength:u.byteLength})]),r=Math.max(r,c+u.byteLength),s+=u.components}return Object.freeze({type:"struct",layout:"wgsl-storage",fields:Object.freeze(Object.fromEntries(i)),components:s,byteStride:n.byteLength,rowByteLength:r})}function yo(t){let e=P.getVertexFormatInfo(t);switch(e.type){case"float32":return nt("f32",e.components);case"sint32":return nt("i32",e.components);case"uint32":return nt("u32",e.components);default:{let n=Math.ceil(e.byteLength/4);return nt("u32",n)}}}function nt(t,e){return e===1?t:`vec${e}<${t}>`}function Ei(t,e){return Math.ceil(t/e)*e}var zt=class{constructor(e,n){f(this,"buffer");f(this,"ownsDataBuffer");this.buffer=e,this.ownsDataBuffer=n}get ownsBuffer(){return this.ownsDataBuffer}transferBufferOwnership(e){if(e.buffer!==this.buffer)throw new Error("GPUData ownership can only be transferred to the same buffer");e.ownsDataBuffer=this.ownsDataBuffer,this.ownsDataBuffer=!1}destroy(){this.ownsDataBuffer&&(this.buffer.destroy(),this.ownsDataBuffer=!1)}},Vt=class extends zt{constructor(n){let{buffer:i,format:r,length:s,valueLength:o,stride:a,byteOffset:u=0,byteStride:c,rowByteLength:l,ownsBuffer:p=!1,readbackMetadata:h,valueOffsets:d,nullBitmap:m,valueByteLength:g,dataType:y}=n;super(i,p);f(this,"dataType");f(this,"format");f(this,"length");f(this,"valueLength");f(this,"stride");f(this,"byteOffset");f(this,"byteStride");f(this,"rowByteLength");f(this,"readbackMetadata");f(this,"valueOffsets");f(this,"nullBitmap");f(this,"valueByteLength");let v;r?typeof r=="string"?v=r:v=Ai(r,n.layout??"wgsl-storage"):v=void 0;let _=it(v)?v:void 0,T=typeof v=="string"?V(v):void 0;if(this.dataType=y,this.format=v,this.length=s,this.valueLength=o??s,this.stride=a??T?.components??_?.components??c??l??1,this.byteOffset=u,this.rowByteLength=l??_?.rowByteLength??T?.byteLength??c??this.stride,this.byteStride=c??_?.byteStride??this.rowByteLength,_){if(this.rowByteLength<_.rowByteLength)throw new Error(`GPUData rowByteLength ${this.rowByteLength} is smaller than struct format row byte length ${_.rowByteLength}`);if(this.byteStride<Math.max(_.byteStride,this.rowByteLength))throw new Error(`GPUData byteStride ${this.byteStride} is smaller than its struct row layout`)}this.readbackMetadata=h,this.valueOffsets=d,this.nullBitmap=m,this.valueByteLength=g}getChild(n){if(!it(this.format))return null;let i=this.format.fields[n];return i?new W({buffer:this.buffer,format:i.format,length:this.length,byteOffset:this.byteOffset+i.byteOffset,byteStride:this.byteStride}):null}getChildAt(n){if(!it(this.format))return null;let i=Object.values(this.format.fields)[n];return i?new W({buffer:this.buffer,format:i.format,length:this.length,byteOffset:this.byteOffset+i.byteOffset,byteStride:this.byteStride}):null}},de=Vt;var ee=class{constructor(e){f(this,"name");f(this,"dataType");f(this,"format");f(this,"length");f(this,"valueLength");f(this,"stride");f(this,"byteOffset");f(this,"byteStride");f(this,"rowByteLength");f(this,"bufferLayout");f(this,"data",[]);f(this,"device");f(this,"bufferProps");f(this,"isAppendable",!1);f(this,"ownsDataChunks",!0);f(this,"ownedVectors",[]);f(this,"appendableByteLength",0);switch(e.type){case"buffer":{let{name:n,buffer:i,format:r,length:s,valueLength:o=s,byteOffset:a=0,ownsBuffer:u=!1}=e,{stride:c,byteStride:l,rowByteLength:p}=Li(e);this.name=n,this.dataType=e.dataType,this.format=r,this.length=s,this.valueLength=o,this.stride=c,this.byteOffset=a,this.byteStride=l,this.rowByteLength=p,this.data.push(new de({buffer:i,format:r,length:s,valueLength:o,stride:c,byteOffset:a,byteStride:l,rowByteLength:p,ownsBuffer:u,dataType:e.dataType}));return}case"interleaved":{let{name:n,buffer:i,format:r,length:s,valueLength:o=s,byteOffset:a=0,byteStride:u,attributes:c,ownsBuffer:l=!1}=e;this.name=n,this.dataType=e.dataType,this.format=r,this.length=s,this.valueLength=o,this.stride=u,this.byteOffset=a,this.byteStride=u,this.rowByteLength=u,this.bufferLayout={name:n,byteStride:u,attributes:c},this.data.push(new de({buffer:i,format:r,length:s,valueLength:o,stride:u,byteOffset:a,byteStride:u,rowByteLength:u,ownsBuffer:l,dataType:e.dataType}));return}case"data":{let n=e.format??xo(e.data),i=n?V(n):void 0,{name:r,data:s,stride:o=s[0]?.stride??i?.components??1,valueLength:a=s.reduce((h,d)=>h+d.valueLength,0),byteStride:u=s[0]?.byteStride??i?.byteLength,rowByteLength:c=s[0]?.rowByteLength??i?.byteLength,bufferLayout:l,ownsData:p=!1}=e;if(u===void 0||c===void 0)throw new Error("GPUVector requires format or explicit byte layout metadata");n&&vo(s,n),this.name=r,this.dataType=e.dataType,this.format=n,this.length=s.reduce((h,d)=>h+d.length,0),this.valueLength=a,this.stride=o,this.byteOffset=s.length===1?s[0].byteOffset:0,this.byteStride=u,this.rowByteLength=c,this.bufferLayout=l,this.ownsDataChunks=p,this.data.push(...s);return}case"appendable":{let{name:n,device:i,format:r,valueLength:s=0,bufferProps:o}=e,{stride:a,byteStride:u,rowByteLength:c}=Li(e);this.name=n,this.dataType=e.dataType,this.format=r,this.length=0,this.valueLength=s,this.stride=a,this.byteOffset=0,this.byteStride=u,this.rowByteLength=c,this.device=i,this.bufferProps=o,this.isAppendable=!0;return}}}get ownsBuffer(){return this.ownsDataChunks&&this.data.some(e=>e.ownsBuffer)||this.ownedVectors.some(e=>e.ownsBuffer)}get capacityRows(){return this.isAppendable?this.length:void 0}get appendedByteLength(){return this.appendableByteLength}addData(e){if(this.format&&e.format!==this.format)throw new Error("GPUVector.addData() requires matching formats");if(e.byteStride!==this.byteStride)throw new Error("GPUVector.addData() requires matching byteStride");if(e.rowByteLength!==this.rowByteLength)throw new Error("GPUVector.addData() requires matching rowByteLength");return this.data.push(e),this.length+=e.length,this.valueLength+=e.valueLength,this}appendDataChunk(e,n=this.appendableByteLength+e.buffer.byteLength){if(!this.isAppendable)throw new Error("GPUVector.appendDataChunk() requires appendable vector storage");if(this.format&&e.format!==this.format)throw new Error("GPUVector.appendDataChunk() requires matching formats");if(e.byteStride!==this.byteStride||e.rowByteLength!==this.rowByteLength)throw new Error("GPUVector.appendDataChunk() requires matching byte layout metadata");return this.data.push(e),this.length+=e.length,this.valueLength+=e.valueLength,this.appendableByteLength=n,this}resetLastBatch(){if(!this.isAppendable)throw new Error("GPUVector.resetLastBatch() requires appendable vector storage");for(let e of this.data.splice(0))e.destroy();return this.length=0,this.valueLength=0,this.appendableByteLength=0,this}retainOwnedVectors(e){return this.ownedVectors.push(...e),this}transferBufferOwnership(e){let n=this.data[0],i=e.data[0];if(!n||!i||n.buffer!==i.buffer)throw new Error("GPUVector ownership can only be transferred to the same buffer");n.transferBufferOwnership(i)}destroy(){if(this.ownsDataChunks)for(let e of this.data)e.destroy();for(let e of this.ownedVectors.splice(0))e.destroy()}};function Li(t){let e=t.format?V(t.format):void 0,n=t.rowByteLength??t.byteStride??e?.byteLength;if(n===void 0)throw new Error("GPUVector requires format or explicit rowByteLength");return{stride:t.stride??e?.components??1,byteStride:t.byteStride??n,rowByteLength:n}}function xo(t){return t[0]?.format}function vo(t,e){if(t.find(i=>i.format!==e))throw new Error("GPUVector data chunks must share the declared format")}var q=class t{constructor(e){f(this,"type");f(this,"size");f(this,"normalized");f(this,"isConstant");f(this,"length");f(this,"ValueType");f(this,"source",null);f(this,"format");f(this,"_id");f(this,"_destroyed",!1);f(this,"_value");f(this,"_offset");f(this,"_stride");f(this,"_byteLength");f(this,"_gpuVector");f(this,"_bufferOwnership","owned");f(this,"_targetBuffer");let{id:n,value:i,buffer:r,gpuData:s,format:o,source:a=null,isConstant:u=!1}=e;if(!a&&!i&&!r&&!s)throw new Error("GPUDataEvaluator must have a value source");let{type:c,size:l,offset:p,stride:h,normalized:d,length:m}=e;if(a instanceof t?(c=c??a.type,l=l??a.size,p=p??a.offset,h=h??a.stride,d=d??a.normalized,m=m??a.length):(l=l??1,p=p??0,d=d??!1,m=u?1:m),!c)throw new Error("GPUDataEvaluator: type not defined");if(this._id=n,this.type=c,this.size=l,this.ValueType=pe(this.type),this._offset=p,this._stride=h||this.ValueType.BYTES_PER_ELEMENT*l,this.normalized=d,this.source=a,this.format=o,m===void 0)if(u)m=1;else{if(!i)throw new Error("GPUDataEvaluator: length not defined");m=Math.ceil(i.byteLength/this.stride)}this.isConstant=u,this.length=m;let g=this.ValueType.BYTES_PER_ELEMENT*this.size;this._byteLength=m===0?0:(m-1)*this.stride+g,this._value=i,this._bufferOwnership=a instanceof t||r||s?"borrowed":"owned",s?this._gpuVector=new ee({type:"data",name:this._id??"data",format:s.format,data:[s],stride:s.stride,byteStride:s.byteStride,rowByteLength:s.rowByteLength}):r&&(this._gpuVector=this.createGPUVectorView({buffer:r,name:this._id,format:this.format}))}static get bufferPoolSize(){return le.poolSize}static set bufferPoolSize(e){if(!Number.isSafeInteger(e)||e<0)throw new Error("GPUDataEvaluator.bufferPoolSize must be a non-negative safe integer");le.poolSize=e,le.purge()}get offset(){return this._offset}get stride(){return this._stride}get byteLength(){return this._byteLength}static fromArray(e,{type:n,size:i=1,offset:r=0,stride:s=0,normalized:o=!1}){let a=n,u;if(Array.isArray(e)){a=a||"float32";let l=pe(a);u=new l(e)}else e instanceof Float64Array?(a="uint32",i*=2,r*=2,s*=2,u=new Uint32Array(e.buffer,e.byteOffset,e.byteLength/4)):(a=a||Ht(e),u=e);let c=`<${a} * ${i}>`;return new t({id:c,type:a,size:i,offset:r,stride:s,normalized:o,value:u})}static fromConstant(e,n="float32"){let i=pe(n),r;return Array.isArray(e)?r=`[${e.join(",")}]`:(r=String(e),e=[e]),new t({id:r,isConstant:!0,type:n,size:e.length,value:new i(e)})}static fromGPUData(e,n={}){So(e);let i=new W({buffer:e.buffer,format:e.format,length:e.length,byteOffset:e.byteOffset,byteStride:e.byteStride});return new t({...Bi(i),id:n.id,gpuData:e})}static fromGPUDataView(e,n={}){return new t({...Bi(e),id:n.id,buffer:e.buffer})}get value(){return this._value||(this.source instanceof t?this.source.value:void 0)}get evaluated(){return!!this._gpuVector}get id(){return this._id}get gpuVector(){if(!this._gpuVector)throw new Error(`${this} not evaluated`);return this._gpuVector}get buffer(){return rt(this.gpuVector)}setTargetBuffer({buffer:e,byteOffset:n=0,byteStride:i=this.stride}){if(this._destroyed)throw new Error(`GPUDataEvaluator ${this} already destroyed`);if(this._gpuVector)throw new Error(`GPUDataEvaluator ${this} already evaluated`);if(!this.source||this.source instanceof t)throw new Error("GPUDataEvaluator target buffers require a deferred operation source");this._targetBuffer={buffer:e,byteOffset:n,byteStride:i}}async evaluate(e,n={}){if(this._destroyed)throw new Error(`GPUDataEvaluator ${this} already destroyed`);if(this._gpuVector)return this._gpuVector;let i;if(this.source instanceof t){let r=await this.source.evaluate(e);return this._gpuVector=this.createGPUVectorView({...n,buffer:rt(r)}),this._gpuVector}if(i=this._getEvaluationBuffer(e),this._value)i.write(this._value);else{let r=await this.source.execute(e,i);if(!r.success)throw r.error||new Error(`${this.source} evaluation failed`);r.value&&(this._value=r.value)}return this._gpuVector=this.createGPUVectorView({...n,buffer:i}),this._gpuVector}evaluateSync(e,n={}){if(this._destroyed)throw new Error(`GPUDataEvaluator ${this} already destroyed`);if(this._gpuVector)return this._gpuVector;let i;if(this.source instanceof t){let r=this.source.evaluateSync(e);return this._gpuVector=this.createGPUVectorView({...n,buffer:rt(r)}),this._gpuVector}if(i=this._getEvaluationBuffer(e),this._value)i.write(this._value);else{let r=this.source.executeSync(e,i);if(!r.success)throw r.error||new Error(`${this.source} evaluation failed`);r.value&&(this._value=r.value)}return this._gpuVector=this.createGPUVectorView({...n,buffer:i}),this._gpuVector}createGPUVectorView(e){let n=e.name??this._id??"vector",i=e.format??this.format??Lo(this.type,this.size,this.normalized);if(e.interleaved){let r=typeof e.interleaved=="object"&&e.interleaved.attributes?e.interleaved.attributes:Ao(this);return new ee({type:"interleaved",name:n,buffer:e.buffer,format:e.format??this.format,length:this.length,byteOffset:this.offset,byteStride:this.stride,attributes:r,ownsBuffer:!1})}return new ee({type:"buffer",name:n,buffer:e.buffer,format:i,length:this.length,stride:this.size,byteOffset:this.offset,byteStride:this.stride,rowByteLength:this.ValueType.BYTES_PER_ELEMENT*this.size,ownsBuffer:!1})}_getEvaluationBuffer(e){let n=this._targetBuffer;if(!n)return le.createOrReuse(e,this.byteLength);if(n.buffer.device!==e)throw new Error("GPUDataEvaluator target buffer belongs to a different device");let i=this.ValueType.BYTES_PER_ELEMENT*this.size,r=this.length===0?0:(this.length-1)*n.byteStride+i;if(n.byteOffset+r>n.buffer.byteLength)throw new Error("GPUDataEvaluator target buffer is too small for the output layout");return this._offset=n.byteOffset,this._stride=n.byteStride,this._byteLength=r,this._bufferOwnership="borrowed",this._targetBuffer=void 0,n.buffer}async readValue(e=0,n){let{ValueType:i}=this,{size:r,offset:s,stride:o,length:a}=this,u=i.BYTES_PER_ELEMENT*r;if(n=n??a,e=Math.max(0,Math.min(a,e)),n=Math.max(e,Math.min(a,n)),this._value)return wo(this,this._value,e,n);let c=n-e;if(c===0)return new i(0);let l=s+e*o,p=o===u?c*u:(c-1)*o+u,h=await this.buffer.readAsync(l,p),d=new i(h.buffer,h.byteOffset,h.byteLength/i.BYTES_PER_ELEMENT);if(o===u)return d;let m=new Uint8Array(u*c);for(let g=0;g<c;g++){let y=g*o;m.set(h.subarray(y,y+u),g*u)}return new i(m.buffer)}async ensureCPUValue(){let e=this.value;if(e)return e;let n=await this.buffer.readAsync(0,this.offset+this.byteLength);if(n.byteLength%this.ValueType.BYTES_PER_ELEMENT!==0)throw new Error(`${this} backing buffer byte length is not aligned to its scalar type`);let i=n.slice();return this._value=new this.ValueType(i.buffer,i.byteOffset,i.byteLength/this.ValueType.BYTES_PER_ELEMENT),this._value}ensureCPUValueSync(){let e=this.value;if(e)return e;throw new Error(`${this} CPU value is not available for synchronous evaluation`)}toString(){return this._id??this.source?.toString()??this.constructor.name}destroy(){this._gpuVector&&(this._bufferOwnership==="owned"&&le.recycle(rt(this._gpuVector)),this._gpuVector=void 0),this._targetBuffer=void 0,this._destroyed=!0}};function wo(t,e,n,i){let{ValueType:r,size:s,offset:o,stride:a}=t,u=a/r.BYTES_PER_ELEMENT,c=o/r.BYTES_PER_ELEMENT,l=i-n;if(u===s){let h=c+n*u;return e.subarray(h,h+l*s)}let p=new r(l*s);for(let h=0;h<l;h++){let d=c+(n+h)*u;p.set(e.subarray(d,d+s),h*s)}return p}function uc(t){if(t instanceof q)return t;if(typeof t=="number"||Array.isArray(t))return q.fromConstant(t);if(t instanceof de)return q.fromGPUData(t);if(t instanceof W)return q.fromGPUDataView(t);throw new Error("getGPUDataEvaluator() requires GPUDataEvaluator, GPUData, GPUDataView, number, or number[]")}function So(t){if(!t.format)throw new Error("GPUDataEvaluator.fromGPUData() requires GPUData format metadata");if(et(t.format)||tt(t.format))throw new Error("GPUDataEvaluator.fromGPUData() does not support variable-length input");let n=V(t.format).byteLength;if(t.rowByteLength!==n)throw new Error(`GPUDataEvaluator.fromGPUData() requires rowByteLength ${n} for GPUData`)}function Bi(t){let e=V(t.format),n=pe(e.signedDataType),i=n.BYTES_PER_ELEMENT*e.components;if(e.byteLength!==i)throw new Error(`GPUDataEvaluator does not support packed vertex format ${t.format}: ${e.byteLength} physical bytes cannot expose ${e.components} ${e.signedDataType} components`);if(t.byteOffset%n.BYTES_PER_ELEMENT!==0||t.byteStride%n.BYTES_PER_ELEMENT!==0)throw new Error(`GPUDataEvaluator requires ${t.format} offset and stride aligned to ${n.BYTES_PER_ELEMENT} bytes`);return{type:e.signedDataType,size:e.components,offset:t.byteOffset,stride:t.byteStride,normalized:e.normalized,length:t.length,format:t.format}}function rt(t){let e=Eo(t).buffer;return e instanceof N?e.buffer:e}function Eo(t){let[e,...n]=t.data;if(!e||n.length>0)throw new Error(`GPUDataEvaluator requires exactly one GPUData chunk for "${t.name}"`);return e}function Ao(t){let e=[];return Ii(t,e,{byteOffset:0}),e}function Ii(t,e,n){let i=t.source;if(i&&!(i instanceof q)&&i.name==="interleave"){for(let r of Object.values(i.inputs))r instanceof q&&Ii(r,e,n);return}e.push({attribute:t.id??t.toString(),format:Ti(t.type,t.size,t.normalized),byteOffset:n.byteOffset}),n.byteOffset+=t.ValueType.BYTES_PER_ELEMENT*t.size}function Ti(t,e,n=!1){if(e<1||e>4)throw new Error(`Cannot synthesize a GPUVector vertex format with ${e} components`);let i=t;if(n)switch(t){case"uint8":i="unorm8";break;case"sint8":i="snorm8";break;case"uint16":i="unorm16";break;case"sint16":i="snorm16";break;case"float32":i="float32";break;default:throw new Error(`Unsupported normalized vertex format for ${t}`)}return(i==="uint8"||i==="sint8"||i==="uint16"||i==="sint16"||i==="unorm8"||i==="snorm8"||i==="unorm16"||i==="snorm16")&&e===3?`${i}x3-webgl`:`${i}${e===1?"":`x${e}`}`}function Lo(t,e,n=!1){return e>=1&&e<=4?Ti(t,e,n):void 0}var lc={add:{arity:2,symbol:"arithmetic_add"},subtract:{arity:2,symbol:"arithmetic_subtract"},multiply:{arity:2,symbol:"arithmetic_multiply"},divide:{arity:2,symbol:"arithmetic_divide"},pow:{arity:2,symbol:"pow"},sqrt:{arity:1,symbol:"sqrt"},abs:{arity:1,symbol:"abs"},sin:{arity:1,symbol:"sin"},cos:{arity:1,symbol:"cos"},tan:{arity:1,symbol:"arithmetic_tan"},exp:{arity:1,symbol:"exp"},log:{arity:1,symbol:"log"}};function Pi(t,{operations:e,inputs:n}){switch(t.kind){case"input":if(!(t.name in n))throw new Error(`Unknown expression input '${t.name}'`);return;case"literal":if(Array.isArray(t.value)){for(let i of t.value)if(!Number.isFinite(i))throw new Error(`Expression literal array must contain only finite values, got ${i}`)}else if(!Number.isFinite(t.value))throw new Error(`Expression literal must be finite, got ${t.value}`);return;case"call":{let i=e[t.op];if(!i)throw new Error(`Unknown expression op '${t.op}'`);if(t.args.length!==i.arity)throw new Error(`Expression op '${t.op}' expects ${i.arity} args, got ${t.args.length}`);for(let r of t.args)Pi(r,{operations:e,inputs:n});return}default:{let i=t;throw new Error(`Unsupported expression node ${i.kind}`)}}}function pc(t,e){return Pi(t,e),Ni(t,e)}function Ni(t,e){switch(t.kind){case"input":{let n=e.inputs[t.name];return e.laneIndex<n.size?e.formatInput(t.name):e.formatOutOfBoundsInput(t.name)}case"literal":return e.formatLiteral(t.value);case"call":{let n=e.operations[t.op],i=t.args.map(r=>Ni(r,e));return e.formatCall(n.symbol,i)}default:{let n=t;throw new Error(`Unsupported expression node ${n.kind}`)}}}export{M as a,Ke as b,se as c,Ri as d,Bs as e,Ns as f,Ee as g,Tt as h,Pt as i,N as j,ce as k,Gt as l,Ut as m,ee as n,le as o,q as p,uc as q,lc as r,pc as s};
